import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { InitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { buildAuditEvent } from "../audit/build-audit-event";
import { type RequestOrigin, toCaller } from "../audit/caller";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import { sendJsonRpcError } from "../http/send-json-rpc-error";
import type { UpstreamOutcome } from "../mcp/forward-upstream";
import type { ProxyDeps } from "../proxy-deps";
import { closeUpstream } from "../transports/close-upstream";
import { openGateway } from "../transports/open-gateway";
import { SessionEventStore } from "../transports/session-event-store";

/**
 * Handles an `initialize` without a session: connects to the grant's upstream, then starts a
 * Streamable HTTP gateway session bound to this grant, with an event store so a dropped SSE
 * stream can be resumed. Its audit event's upstream latency is the time connecting (and
 * initializing) upstream took.
 */
export async function openSession(
  deps: ProxyDeps,
  grant: GrantSnapshot,
  http: {
    req: IncomingMessage;
    res: ServerResponse;
    body: InitializeRequest;
    origin: RequestOrigin;
    startedAtMs: number;
  },
): Promise<void> {
  const auditInitialize = (sessionId: string | undefined, outcome: UpstreamOutcome) =>
    deps.audit.record(
      buildAuditEvent({
        grant,
        caller: toCaller(http.origin, { id: sessionId, client: http.body.params.clientInfo }),
        startedAtMs: http.startedAtMs,
        nowMs: deps.now(),
        outcome: { method: "initialize", decision: "allow", ...outcome },
      }),
    );
  const opened = await openGateway(deps, grant, http.body.params.capabilities);
  if (!opened.isOk) {
    auditInitialize(undefined, opened.outcome);
    sendJsonRpcError(http.res, opened.refusal);
    return;
  }
  const { server, upstream } = opened;
  const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    eventStore: new SessionEventStore(deps.replayBytesPerSession),
    // Awaited by the SDK before it answers, so the agent's next request finds the session
    // whichever proxy it reaches.
    onsessioninitialized: async (id) => {
      const base = { id, grantId: grant.grantId, tokenHash: grant.tokenHash, lastSeenMs: deps.now() };
      deps.sessions.add({ ...base, kind: "streamable", transport, server, upstream });
      await deps.sessionDirectory.claim(id);
    },
  });
  // A session that never initialized was never registered, so its upstream is closed here.
  transport.onclose = () => {
    if (!transport.sessionId) return void closeUpstream(upstream);
    deps.sessionDirectory.release(transport.sessionId);
    void deps.sessions.close(transport.sessionId);
  };
  upstream.onclose = () => {
    if (transport.sessionId) void deps.sessions.close(transport.sessionId);
  };
  await server.connect(transport);
  await transport.handleRequest(http.req, http.res, http.body);
  auditInitialize(transport.sessionId, opened.outcome);
}
