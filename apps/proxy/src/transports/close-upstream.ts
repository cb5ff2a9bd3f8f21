import { setTimeout as delay } from "node:timers/promises";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

// Ending the upstream's session is a courtesy that must not hold up the agent's session ending.
const TERMINATE_TIMEOUT_MS = 2_000;

/**
 * Closes a session's upstream client. A Streamable HTTP upstream is first sent DELETE so its
 * session ends now rather than when it times out (closing the SDK client alone only drops the
 * connection); SSE and stdio upstreams end their session by the close itself.
 */
export async function closeUpstream(client: Client): Promise<void> {
  const { transport } = client;
  if (transport instanceof StreamableHTTPClientTransport) {
    const terminated = transport.terminateSession().catch(() => undefined);
    await Promise.race([terminated, delay(TERMINATE_TIMEOUT_MS, undefined, { ref: false })]);
  }
  await client.close();
}
