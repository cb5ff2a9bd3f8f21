import {
  type GetPromptRequest,
  type GetPromptResult,
  GetPromptResultSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { throwDenial } from "../policy/denial-result";
import type { GatewayDeps } from "./gateway-deps";
import { governCall } from "./govern-call";
import { requireLiveGrant } from "./require-live-grant";

/** `prompts/get`: governed by the policy's `prompts` section; a refusal is an error naming the reason. */
export async function handleGetPrompt(
  deps: GatewayDeps,
  request: GetPromptRequest,
  sessionId: string | undefined,
): Promise<GetPromptResult> {
  const grant = await requireLiveGrant(deps);
  return governCall(deps, grant, {
    kind: "prompt",
    method: "prompts/get",
    name: request.params.name,
    args: request.params.arguments ?? {},
    sessionId,
    forward: () =>
      deps.upstream.request({ method: "prompts/get", params: request.params }, GetPromptResultSchema, {
        timeout: deps.upstreamTimeoutMs,
      }),
    refuse: throwDenial,
    describeResult: () => "ok",
  });
}
