import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** What a lease needs from the pooled process it borrows. */
export type LeaseOwner = {
  send: (lease: LeaseTransport, message: JSONRPCMessage) => Promise<void>;
  release: (lease: LeaseTransport) => void;
};

/**
 * One session's share of a pooled stdio server: a transport its own SDK client
 * connects to, whose messages the pooled process relays to and from the shared
 * server. Closing it releases the share; the server keeps running for the others.
 */
export class LeaseTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private isClosed = false;

  constructor(private readonly owner: LeaseOwner) {}

  async start(): Promise<void> {}

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.isClosed) throw new Error("This pooled stdio lease is closed.");
    await this.owner.send(this, message);
  }

  /** Hands the session a message from the shared server. */
  deliver(message: JSONRPCMessage): void {
    if (!this.isClosed) this.onmessage?.(message);
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.owner.release(this);
    this.onclose?.();
  }
}
