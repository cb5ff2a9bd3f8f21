import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";

/**
 * The agents' POST responses this process has not finished, so `close` can let answers
 * already on their way (such as refusals of held calls) reach the agents before it cuts
 * the connections.
 */
export class OpenResponses {
  private readonly open = new Set<ServerResponse>();

  track(res: ServerResponse): void {
    this.open.add(res);
    res.once("close", () => this.open.delete(res));
  }

  /** Resolves once every tracked response has closed, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    const closed = Promise.all([...this.open].map((res) => once(res, "close")));
    await Promise.race([closed, delay(timeoutMs, undefined, { ref: false })]);
  }
}
