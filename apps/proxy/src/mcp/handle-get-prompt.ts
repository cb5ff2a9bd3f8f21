import {
  type GetPromptRequest,
  type GetPromptResult,
  GetPromptResultSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { deniedPromptResult } from "../relay/denied-results";
import { sendUpstream } from "../relay/send-upstream";
import type { GatewayDeps, RequestContext } from "./gateway-deps";
import { governCall } from "./govern-call";
import { requireLiveGrant } from "./require-live-grant";

/** `prompts/get`: governed by the policy's `prompts` section; a refusal is answered like a refused tool call. */
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
      sendUpstream(deps, context, { method: "prompts/get", params: request.params }, GetPromptResultSchema),
    refuse: deniedPromptResult,
  });
}
