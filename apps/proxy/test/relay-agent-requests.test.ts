import { describe, expect, it } from "vitest";
import { UNKNOWN_ORIGIN } from "../src/audit/caller";
import type { RequestContext } from "../src/mcp/gateway-deps";
import { AgentRequests } from "../src/relay/agent-requests";

function contextOf(sessionId: string): RequestContext {
  return {
    sessionId,
    signal: new AbortController().signal,
    sendNotification: async () => undefined,
    sendRequest: async () => {
      throw new Error("not used");
    },
    caller: { ...UNKNOWN_ORIGIN, sessionId, clientName: null, clientVersion: null },
    receivedAtMs: 0,
  } as RequestContext;
}

describe("which agent request an upstream message belongs to", () => {
  it("ties a message to its own session's forward while another session forwards at the same time", async () => {
    const first = new AgentRequests();
    const second = new AgentRequests();
    const a = contextOf("a");
    const b = contextOf("b");
    let releaseA = () => {};
    const seen: { a: Array<RequestContext | undefined>; b: Array<RequestContext | undefined> } = {
      a: [],
      b: [],
    };
    const forwardA = first.forward(a, async () => {
      await new Promise<void>((resolve) => {
        releaseA = resolve;
      });
      seen.a.push(first.current(), second.current());
    });
    await second.forward(b, async () => {
      await Promise.resolve();
      seen.b.push(second.current(), first.current());
    });
    releaseA();
    await forwardA;
    expect(seen.a).toEqual([a, undefined]);
    expect(seen.b).toEqual([b, undefined]);
    // Once its forward ended, nothing more belongs to the request.
    expect(first.current()).toBeUndefined();
  });
});
