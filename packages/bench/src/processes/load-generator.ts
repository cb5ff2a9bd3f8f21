// The load process: real MCP SDK clients, driven over IPC by the benchmark, in a process of
// their own so the proxy under test never shares an event loop with the load generator.
import { closeClients, connectClients, type LoadClient } from "../load/connect-client";
import type { LoadReply, LoadRequest } from "../load/protocol";
import { runCell } from "../load/run-cell";

let held: LoadClient[] = [];

async function handle(request: LoadRequest): Promise<LoadReply> {
  switch (request.kind) {
    case "cell":
      return { id: request.id, ok: true, result: await runCell(request.spec) };
    case "open-sessions": {
      const { clients, failed, firstError } = await connectClients(request.target, request.count);
      held.push(...clients);
      return {
        id: request.id,
        ok: true,
        opened: clients.length,
        failed,
        ...(firstError ? { firstError } : {}),
      };
    }
    case "close-sessions": {
      const closing = held;
      held = [];
      await closeClients(closing);
      return { id: request.id, ok: true, closed: closing.length };
    }
  }
}

if (!process.send) throw new Error("load-generator runs as a child process with an IPC channel.");
process.on("message", (request: LoadRequest) => {
  handle(request)
    .catch(
      (error: unknown): LoadReply => ({
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    )
    .then((reply) => process.send?.(reply));
});
process.send({ ready: true });
// The benchmark going away (even killed) closes the channel; nothing is left running.
process.on("disconnect", () => process.exit(0));
