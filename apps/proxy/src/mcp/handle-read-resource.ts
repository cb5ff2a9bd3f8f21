import {
  type ReadResourceRequest,
  type ReadResourceResult,
  ReadResourceResultSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { deniedResourceResult } from "../relay/denied-results";
import { sendUpstream } from "../relay/send-upstream";
import type { GatewayDeps, RequestContext } from "./gateway-deps";
import { governCall } from "./govern-call";
import { requireLiveGrant } from "./require-live-grant";

/** `resources/read`: governed by the policy's `resources` section; a refusal is answered like a refused tool call. */
export async function handleReadResource(
  deps: GatewayDeps,
  request: ReadResourceRequest,
  context: RequestContext,
): Promise<ReadResourceResult> {
  const grant = await requireLiveGrant(deps, { method: "resources/read", tool: request.params.uri, context });
  return governCall(deps, grant, {
    kind: "resource",
    method: "resources/read",
    name: request.params.uri,
    args: { uri: request.params.uri },
    request: context,
    forward: () =>
      sendUpstream(
        deps,
        context,
        { method: "resources/read", params: request.params },
        ReadResourceResultSchema,
      ),
    refuse: deniedResourceResult(request.params.uri),
  });
}
