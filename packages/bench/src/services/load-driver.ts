import type { CellResult, CellSpec, LoadReply, LoadRequest, Target } from "../load/protocol";
import { type ChildService, forkEntry } from "./child-service";
import { processEntry } from "./paths";

// No single request to the load process may hang the benchmark.
const REQUEST_TIMEOUT_MS = 15 * 60_000;

type Body<K extends LoadRequest["kind"]> = Omit<Extract<LoadRequest, { kind: K }>, "id">;

/** The benchmark's handle on the load process (see processes/load-generator.ts). */
export type LoadDriver = {
  service: ChildService;
  runCell: (spec: CellSpec) => Promise<CellResult>;
  openSessions: (
    target: Target,
    count: number,
  ) => Promise<{ opened: number; failed: number; firstError?: string }>;
  closeSessions: () => Promise<number>;
};

/** Forks the load process and returns typed calls into it. */
export async function startLoadDriver(): Promise<LoadDriver> {
  const { service } = await forkEntry<{ ready: true }>("load generator", processEntry("load-generator"));
  let nextId = 1;
  const pending = new Map<number, (reply: LoadReply) => void>();
  service.child.on("message", (reply: LoadReply) => pending.get(reply.id)?.(reply));
  const request = <K extends LoadRequest["kind"]>(body: Body<K>) =>
    new Promise<LoadReply>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(
        () => reject(new Error(`load process did not answer ${body.kind}`)),
        REQUEST_TIMEOUT_MS,
      );
      pending.set(id, (reply) => {
        clearTimeout(timer);
        pending.delete(id);
        if (reply.ok) resolve(reply);
        else reject(new Error(`load process: ${reply.error}`));
      });
      service.child.send({ ...body, id } as LoadRequest);
    });
  return {
    service,
    runCell: async (spec) => {
      const reply = await request<"cell">({ kind: "cell", spec });
      if (!("result" in reply)) throw new Error("load process answered a cell without a result");
      return reply.result;
    },
    openSessions: async (target, count) => {
      const reply = await request<"open-sessions">({ kind: "open-sessions", target, count });
      if (!("opened" in reply)) throw new Error("load process answered open-sessions without a count");
      return {
        opened: reply.opened,
        failed: reply.failed,
        ...(reply.firstError ? { firstError: reply.firstError } : {}),
      };
    },
    closeSessions: async () => {
      const reply = await request<"close-sessions">({ kind: "close-sessions" });
      return "closed" in reply ? reply.closed : 0;
    },
  };
}
