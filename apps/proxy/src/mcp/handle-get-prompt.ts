import {
  type GetPromptRequest,
  type GetPromptResult,
  GetPromptResultSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { throwDenial } from "../policy/denial-result";
import type { GatewayDeps, RequestContext } from "./gateway-deps";
import { governCall } from "./govern-call";
import { requireLiveGrant } from "./require-live-grant";

/** `prompts/get`: governed by the policy's `prompts` section; a refusal is an error naming the reason. */
export async function handleGetPrompt(
  deps: GatewayDeps,
  request: GetPromptRequest,
  context: RequestContext,
): Promise<GetPromptResult> {
  const grant = await requireLiveGrant(deps, { method: "prompts/get", tool: request.params.name, context });
  return governCall(deps, grant, {
    kind: "prompt",
    method: "prompts/get",
    name: request.params.name,
    args: request.params.arguments ?? {},
    request: context,
    forward: () =>
      deps.upstream.request({ method: "prompts/get", params: request.params }, GetPromptResultSchema, {
        timeout: deps.upstreamTimeoutMs,
      }),
    refuse: throwDenial,
  });
}
