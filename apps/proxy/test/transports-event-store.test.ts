import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { SessionEventStore } from "../src/transports/session-event-store";

const note = (n: number): JSONRPCMessage => ({
  jsonrpc: "2.0",
  method: "notifications/message",
  params: { n },
});
const bytesOf = (message: JSONRPCMessage) => Buffer.byteLength(JSON.stringify(message));

async function replay(store: SessionEventStore, after: string) {
  const sent: unknown[] = [];
  const streamId = await store.replayEventsAfter(after, {
    send: async (_id, message) => void sent.push(message),
  });
  return { streamId, sent };
}

describe("a session's event store", () => {
  it("replays only the later events of the stream the last event belongs to, without priming events", async () => {
    const store = new SessionEventStore(1024 * 1024);
    const primed = await store.storeEvent("post-1", {} as JSONRPCMessage);
    const first = await store.storeEvent("get", note(1));
    await store.storeEvent("post-1", note(2));
    await store.storeEvent("get", note(3));
    expect(await store.getStreamIdForEventId(first)).toBe("get");
    expect(await replay(store, first)).toEqual({ streamId: "get", sent: [note(3)] });
    expect(await replay(store, primed)).toEqual({ streamId: "post-1", sent: [note(2)] });
  });

  it.each([
    { bound: 3, kept: [3, 4, 5] },
    { bound: 1, kept: [5] },
    // The newest event stays even when it alone is over the bound.
    { bound: 0.5, kept: [5] },
  ])(
    "keeps at most $bound messages' worth of bytes, dropping the oldest ($kept kept)",
    async ({ bound, kept }) => {
      const store = new SessionEventStore(Math.floor(bound * bytesOf(note(1))));
      const ids = [];
      for (const n of [1, 2, 3, 4, 5]) ids.push(await store.storeEvent("get", note(n)));
      const present = [];
      for (const [index, id] of ids.entries())
        if (await store.getStreamIdForEventId(id)) present.push(index + 1);
      expect(present).toEqual(kept);
      expect(await replay(store, ids[0] ?? "")).toEqual({ streamId: "", sent: [] });
    },
  );
});
