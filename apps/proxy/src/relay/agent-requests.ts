import { AsyncLocalStorage } from "node:async_hooks";
import type { Caller } from "../audit/caller";
import type { RequestContext } from "../mcp/gateway-deps";

/**
 * The agent's requests one session is forwarding upstream. What the upstream sends while it
 * answers one of them (progress, logs, sampling or elicitation requests) arrives on that request's
 * response stream, so it runs in the async context the forward started: that context says which
 * agent request to relay it alongside. Messages that arrive outside any forward (on the upstream's
 * standalone stream, or from a stdio server) belong to no request and go to the agent's own stream.
 */
// One store for every session: on Node's async_hooks-based storage, each store a process has
// ever run is visited at every promise's creation and is never released, so a store per session
// made every call slower and leaked memory with each session opened. A context found here that
// belongs to another session is not in this session's `inFlight`, so it is never mistaken for its own.
const scope = new AsyncLocalStorage<RequestContext>();

export class AgentRequests {
  private readonly inFlight = new Set<RequestContext>();
  private lastCaller: Caller | null = null;

  /** Runs `send` as the forward of the agent's request `context`. */
  async forward<T>(context: RequestContext, send: () => Promise<T>): Promise<T> {
    this.inFlight.add(context);
    try {
      return await scope.run(context, send);
    } finally {
      this.inFlight.delete(context);
    }
  }

  /** Remembers who last spoke for the session, to name it in the audit of what the upstream starts. */
  seen(context: RequestContext): void {
    this.lastCaller = context.caller;
  }

  /** The agent request the message being handled belongs to, while it is still being answered. */
  current(): RequestContext | undefined {
    const context = scope.getStore();
    // A stream opened during a forward keeps its context after the forward ends; it no longer counts.
    return context && this.inFlight.has(context) ? context : undefined;
  }

  /** The caller the session's latest request named, for events with no agent request of their own. */
  caller(): Caller | null {
    return this.lastCaller;
  }
}
