import type { ClientCapabilities, ServerCapabilities } from "@modelcontextprotocol/sdk/types.js";

/**
 * What the gateway declares upstream for an agent: exactly the agent's sampling, elicitation and
 * roots, since those are the requests Gatehouse relays to it; anything else the agent declared
 * (tasks, experimental) is not relayed, so the upstream is not told it may use it.
 */
export function upstreamClientCapabilities(agent: ClientCapabilities): ClientCapabilities {
  const { sampling, elicitation, roots } = agent;
  return {
    ...(sampling ? { sampling } : {}),
    ...(elicitation ? { elicitation } : {}),
    ...(roots ? { roots } : {}),
  };
}

/**
 * What the gateway offers the agent: tools always (their list can change when the catalogue
 * does), and the upstream's resources, prompts, logging and completions when it has them, with
 * the notifications it announces for them.
 */
export function gatewayServerCapabilities(upstream: ServerCapabilities): ServerCapabilities {
  const { resources, prompts, logging, completions } = upstream;
  return {
    tools: { listChanged: true },
    ...(resources
      ? {
          resources: { subscribe: resources.subscribe === true, listChanged: resources.listChanged === true },
        }
      : {}),
    ...(prompts ? { prompts: { listChanged: prompts.listChanged === true } } : {}),
    ...(logging ? { logging: {} } : {}),
    ...(completions ? { completions: {} } : {}),
  };
}
