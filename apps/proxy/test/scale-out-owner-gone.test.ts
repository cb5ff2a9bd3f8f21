import { buildProxyUrl } from "@gatehouse/core/grants/grant-token";
import { freePort } from "@gatehouse/testing/free-port";
import { TEST_QUEUE_PREFIX, TEST_REDIS_URL } from "@gatehouse/testing/test-env";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { defaultInternalUrl } from "../src/sessions/internal-url";
import { SessionDirectory } from "../src/sessions/session-directory";
import { connectAgent, eventually, firstText, startProxy, useTestbed } from "./proxy-harness";
import { expectJsonRpcError, postRaw } from "./raw-mcp";
import { startRoundRobinBalancer } from "./round-robin-balancer";
import { ALLOW_ALL, CALL_ECHO, sessionIdOf } from "./scale-out-fixtures";

const bed = useTestbed(2);

describe("a session whose owner is gone", () => {
  it("answers 404 when nothing listens at the owner's address, and removes its entry", async () => {
    const { token } = await bed.harness.grant(ALLOW_ALL);
    const deadOwner = `http://127.0.0.1:${await freePort()}`;
    const { deps } = bed.proxy;
    const redis = new Redis(TEST_REDIS_URL);
    const directory = new SessionDirectory({
      redis,
      prefix: TEST_QUEUE_PREFIX,
      ownerUrl: () => deadOwner,
      logger: deps.logger,
    });
    const sessionId = crypto.randomUUID();
    await directory.claim(sessionId);
    directory.stop();
    redis.disconnect();
    expect(await deps.sessionDirectory.ownerOf(sessionId)).toBe(deadOwner);
    const answer = await postRaw(buildProxyUrl(bed.proxy.baseUrl, token), CALL_ECHO, {
      "mcp-session-id": sessionId,
    });
    expect(answer.status).toBe(404);
    expect(expectJsonRpcError(answer.messages[0]).error.message).toMatch(/Initialize a new session/);
    await eventually(async () => expect(await deps.sessionDirectory.ownerOf(sessionId)).toBeUndefined());
  });

  it("tells the client of a stopped owner its session is not found, and it re-initializes", async () => {
    const { token } = await bed.harness.grant(ALLOW_ALL);
    const stopping = await startProxy();
    const targets = [bed.proxyAt(0).baseUrl, bed.proxyAt(1).baseUrl, stopping.baseUrl];
    // The first request, the agent's initialize, goes to the proxy about to stop.
    const front = await startRoundRobinBalancer(targets, 2);
    try {
      const url = buildProxyUrl(front.url, token);
      const agent = await connectAgent(url);
      expect(stopping.deps.sessions.get(sessionIdOf(agent))).toBeDefined();
      await stopping.close();
      targets.pop();
      await expect(agent.callTool({ name: "echo", arguments: { message: "lost" } })).rejects.toMatchObject({
        code: 404,
      });
      const again = await connectAgent(url);
      expect(firstText(await again.callTool({ name: "echo", arguments: { message: "back" } }))).toBe(
        "Echo: back",
      );
      await again.close();
    } finally {
      await front.stop();
    }
  });
});

describe("the internal URL other proxies relay to, by default", () => {
  it.each([
    ["127.0.0.1", "http://127.0.0.1:4000"],
    ["proxy-1", "http://proxy-1:4000"],
    ["::1", "http://[::1]:4000"],
  ])("names the listening host %s", (host, url) => {
    expect(defaultInternalUrl(host, 4000)).toBe(url);
  });

  it("names an address of this machine, not the wildcard, for a proxy listening everywhere", () => {
    for (const host of ["0.0.0.0", "::"]) {
      expect(defaultInternalUrl(host, 4000)).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:4000$/);
    }
  });
});
