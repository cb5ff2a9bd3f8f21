import type { EventId, EventStore, StreamId } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

type StoredEvent = { id: EventId; streamId: StreamId; message: JSONRPCMessage; bytes: number };

/**
 * The SSE events of one Streamable HTTP session, kept so an agent that reconnects with
 * Last-Event-ID gets what it missed. It lives in this process's memory because the session it
 * serves does too (its gateway server and upstream client cannot move), so a reconnect must
 * reach this process anyway; one that reaches another process finds no session and
 * re-initializes, and the events are lost. It holds at most `maxBytes` of messages, dropping
 * the oldest first, so a session nobody reconnects to costs a bounded amount.
 */
export class SessionEventStore implements EventStore {
  private readonly events: StoredEvent[] = [];
  private totalBytes = 0;
  private sequence = 0;

  constructor(private readonly maxBytes: number) {}

  async storeEvent(streamId: StreamId, message: JSONRPCMessage): Promise<EventId> {
    this.sequence += 1;
    const id = String(this.sequence);
    const bytes = Buffer.byteLength(JSON.stringify(message));
    this.events.push({ id, streamId, message, bytes });
    this.totalBytes += bytes;
    // The newest event always stays, even when it alone is over the bound.
    while (this.totalBytes > this.maxBytes && this.events.length > 1) {
      this.totalBytes -= this.events.shift()?.bytes ?? 0;
    }
    return id;
  }

  async getStreamIdForEventId(eventId: EventId): Promise<StreamId | undefined> {
    return this.events.find((event) => event.id === eventId)?.streamId;
  }

  async replayEventsAfter(
    lastEventId: EventId,
    { send }: { send: (eventId: EventId, message: JSONRPCMessage) => Promise<void> },
  ): Promise<StreamId> {
    const index = this.events.findIndex((event) => event.id === lastEventId);
    const last = this.events[index];
    if (!last) return "";
    // Priming events carry no message (they only give the agent a first Last-Event-ID).
    const missed = this.events
      .slice(index + 1)
      .filter((event) => event.streamId === last.streamId && "jsonrpc" in event.message);
    for (const event of missed) await send(event.id, event.message);
    return last.streamId;
  }
}
