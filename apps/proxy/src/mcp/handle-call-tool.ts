import {
  type CallToolRequest,
  type CallToolResult,
  CallToolResultSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { denialResult } from "../policy/denial-result";
import { sendUpstream } from "../relay/send-upstream";
import type { GatewayDeps, RequestContext } from "./gateway-deps";
import { governCall } from "./govern-call";
import { requireLiveGrant } from "./require-live-grant";

/** `tools/call`: decided under the grant's policy and limits; only what is allowed is forwarded. */
export async function handleCallTool(
  deps: GatewayDeps,
  request: CallToolRequest,
  context: RequestContext,
): Promise<CallToolResult> {
  const grant = await requireLiveGrant(deps, { method: "tools/call", tool: request.params.name, context });
  return governCall(deps, grant, {
    kind: "tool",
    method: "tools/call",
    name: request.params.name,
    args: request.params.arguments ?? {},
    request: context,
    forward: () =>
      sendUpstream(deps, context, { method: "tools/call", params: request.params }, CallToolResultSchema),
    refuse: denialResult,
    isErrorResult: (result) => result.isError === true,
  });
}
