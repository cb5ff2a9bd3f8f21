import type { TestUpstream } from "@gatehouse/testing/start-test-upstream";

/** The id of the newest session the gateway opened on a test upstream (from the headers it sent). */
export function newestUpstreamSession(upstream: TestUpstream): string {
  const ids = upstream
    .requestHeaders()
    .map((headers) => headers["mcp-session-id"])
    .filter((id): id is string => typeof id === "string");
  const id = ids.at(-1);
  if (!id) throw new Error("The gateway has opened no session on the upstream.");
  return id;
}

/** Whether the upstream still serves a session: it answers 404 to requests in a session that ended. */
export async function isUpstreamSessionOpen(upstream: TestUpstream, sessionId: string): Promise<boolean> {
  const response = await fetch(upstream.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-session-id": sessionId,
      "mcp-protocol-version": "2025-11-25",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
  });
  await response.body?.cancel();
  return response.status !== 404;
}
