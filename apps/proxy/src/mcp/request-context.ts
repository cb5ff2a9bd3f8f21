import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import { toCaller } from "../audit/caller";
import { originOf } from "../http/request-origin";
import type { RequestContext } from "./gateway-deps";

export type HandlerExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * The context a session's handler works in: the SDK's request extras, who sent the request (the
 * origin the HTTP layer attached, and the client the session's `initialize` named), and when.
 */
export function requestContext(server: Server, extra: HandlerExtra, receivedAtMs: number): RequestContext {
  const caller = toCaller(originOf(extra.authInfo), {
    id: extra.sessionId,
    client: server.getClientVersion(),
  });
  return { ...extra, caller, receivedAtMs };
}
