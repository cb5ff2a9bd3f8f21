import {
  ErrorCode,
  isJSONRPCNotification,
  isJSONRPCRequest,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type RequestId,
} from "@modelcontextprotocol/sdk/types.js";
import type { LeaseTransport } from "./lease-transport";

type Origin = { lease: LeaseTransport; id: RequestId; progressToken?: string | number };

/**
 * Shares one MCP connection between sessions: each session's request ids (and
 * progress tokens) are renumbered so they cannot collide, answers and progress go
 * back to the session that asked, and other notifications go to every session.
 */
export class PooledMessageRouter {
  /** The sessions sharing the server. */
  readonly members = new Set<LeaseTransport>();
  private readonly inFlight = new Map<string, Origin>();
  private readonly serverRequests = new Map<string, LeaseTransport>();
  private nextId = 1;

  /** Rewrites a session's message for the shared server; undefined when it must not reach it. */
  fromLease(lease: LeaseTransport, message: JSONRPCMessage): JSONRPCMessage | undefined {
    if (isJSONRPCRequest(message)) return this.renumber(lease, message);
    if (isJSONRPCNotification(message)) {
      // The pool answered `initialize` itself; the server was initialized once, at start.
      if (message.method === "notifications/initialized") return undefined;
      if (message.method === "notifications/cancelled") return this.cancelled(lease, message);
      return message;
    }
    // An answer to a request the server sent this session.
    this.serverRequests.delete(String(message.id));
    return message;
  }

  /** Where a message from the shared server goes: to sessions, or (a refusal) back to the server. */
  fromServer(
    message: JSONRPCMessage,
  ): { to: LeaseTransport[]; message: JSONRPCMessage } | { refuse: JSONRPCMessage } {
    if (isJSONRPCRequest(message)) return this.serverRequest(message);
    if (isJSONRPCNotification(message)) {
      const token = (message.params as { progressToken?: unknown } | undefined)?.progressToken;
      const origin =
        message.method === "notifications/progress" ? this.inFlight.get(String(token)) : undefined;
      if (origin) {
        const params = { ...message.params, progressToken: origin.progressToken ?? origin.id };
        return { to: [origin.lease], message: { ...message, params } };
      }
      return { to: this.leases(), message };
    }
    const origin = this.inFlight.get(String(message.id));
    this.inFlight.delete(String(message.id));
    return origin ? { to: [origin.lease], message: { ...message, id: origin.id } } : { to: [], message };
  }

  /** Stops routing to a session that ended, forgetting its requests. */
  remove(lease: LeaseTransport): void {
    this.members.delete(lease);
    this.takeInFlight(lease);
    for (const [id, holder] of this.serverRequests) if (holder === lease) this.serverRequests.delete(id);
  }

  /** Takes every request still waiting for an answer (for `lease` only, or all), as (lease, original id). */
  takeInFlight(lease?: LeaseTransport): Origin[] {
    const taken = [...this.inFlight.entries()].filter(([, origin]) => !lease || origin.lease === lease);
    for (const [id] of taken) this.inFlight.delete(id);
    return taken.map(([, origin]) => origin);
  }

  private renumber(lease: LeaseTransport, request: JSONRPCRequest): JSONRPCRequest {
    const id = this.nextId++;
    const meta = request.params?._meta as { progressToken?: string | number } | undefined;
    this.inFlight.set(String(id), { lease, id: request.id, progressToken: meta?.progressToken });
    if (meta?.progressToken === undefined) return { ...request, id };
    // The shared id doubles as the progress token: unique, and it leads back to the session.
    const params = { ...request.params, _meta: { ...meta, progressToken: id } };
    return { ...request, id, params };
  }

  private cancelled(lease: LeaseTransport, notification: JSONRPCNotification): JSONRPCMessage | undefined {
    const requestId = notification.params?.requestId;
    const entry = [...this.inFlight.entries()].find(
      ([, origin]) => origin.lease === lease && origin.id === requestId,
    );
    return entry
      ? { ...notification, params: { ...notification.params, requestId: Number(entry[0]) } }
      : undefined;
  }

  // Sampling, elicitation and roots requests carry no hint of which session they serve; they
  // can go only where exactly one session is waiting on the server.
  private serverRequest(request: JSONRPCRequest) {
    const waiting = new Set([...this.inFlight.values()].map((origin) => origin.lease));
    const candidates = waiting.size ? [...waiting] : this.leases();
    const [lease] = candidates;
    if (candidates.length === 1 && lease) {
      this.serverRequests.set(String(request.id), lease);
      return { to: [lease], message: request };
    }
    return {
      refuse: {
        jsonrpc: "2.0" as const,
        id: request.id,
        error: {
          code: ErrorCode.InvalidRequest,
          message: `Gatehouse shares this stdio server between several sessions and cannot tell which one "${request.method}" is for. Run it with a process per session to use it.`,
        },
      },
    };
  }

  private leases(): LeaseTransport[] {
    return [...this.members];
  }
}
