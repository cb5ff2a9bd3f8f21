import type { EventId, EventStore, StreamId } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

// Kept as the JSON text rather than the message: text is compact, while the parsed message would
// keep every result object it holds alive; replays, which are rare, parse it again.
type StoredEvent = { id: EventId; streamId: StreamId; json: string; isPriming: boolean; bytes: number };

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
    const json = JSON.stringify(message);
    const bytes = Buffer.byteLength(json);
    // Priming events carry no message (they only give the agent a first Last-Event-ID).
    this.events.push({ id, streamId, json, isPriming: !("jsonrpc" in message), bytes });
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
    const missed = this.events
      .slice(index + 1)
      .filter((event) => event.streamId === last.streamId && !event.isPriming);
    for (const event of missed) await send(event.id, JSON.parse(event.json) as JSONRPCMessage);
    return last.streamId;
  }
}
