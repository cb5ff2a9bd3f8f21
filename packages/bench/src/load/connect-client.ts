import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Target } from "./protocol";

export type LoadClient = { client: Client; transport: StreamableHTTPClientTransport };

// Sessions opened (or closed) at once: enough to keep the server busy, few enough that opening
// them is not itself a connection storm. A sliding window, so one slow session holds up no batch.
const IN_FLIGHT = 32;

/** Connects one real MCP SDK client (initialize + initialized), as an agent would. */
export async function connectClient(target: Target): Promise<LoadClient> {
  const client = new Client({ name: "gatehouse-bench", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(target.url));
  await client.connect(transport);
  return { client, transport };
}

/** Connects `count` clients, at most IN_FLIGHT at a time. */
export async function connectClients(
  target: Target,
  count: number,
): Promise<{ clients: LoadClient[]; failed: number; firstError?: string }> {
  const clients: LoadClient[] = [];
  let failed = 0;
  let firstError: string | undefined;
  await inWindow(count, async () => {
    try {
      clients.push(await connectClient(target));
    } catch (error) {
      failed++;
      firstError ??= String(error);
    }
  });
  return { clients, failed, ...(firstError ? { firstError } : {}) };
}

/** Ends each session with DELETE (so the server frees it at once) and closes the client. */
export async function closeClients(clients: LoadClient[]): Promise<void> {
  const queue = [...clients];
  await inWindow(queue.length, async () => {
    const next = queue.pop();
    if (!next) return;
    await next.transport.terminateSession().catch(() => undefined);
    await next.client.close().catch(() => undefined);
  });
}

/** Runs `task` `count` times with at most IN_FLIGHT running at once. */
async function inWindow(count: number, task: () => Promise<void>): Promise<void> {
  let remaining = count;
  const lane = async () => {
    while (remaining > 0) {
      remaining--;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, lane));
}
