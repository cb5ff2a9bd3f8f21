import type { UpstreamConnection } from "@gatehouse/core/upstream/connect-upstream";
import { type PooledServerHealth, StdioPool } from "@gatehouse/core/upstream/stdio-pool";
import { capturingLogger } from "@gatehouse/testing/capturing-logger";
import { eventually } from "@gatehouse/testing/eventually";
import { isProcessAlive } from "@gatehouse/testing/process-alive";
import { stdioScript } from "@gatehouse/testing/stdio-test-servers";
import { afterEach, describe, expect, it } from "vitest";
import { gatehouseFailure } from "./test-support";

const pools: StdioPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function createPool(idleMs = 60_000) {
  const health: PooledServerHealth[] = [];
  const { logger, entries } = capturingLogger();
  const pool = new StdioPool({ idleMs, logger, onHealth: (change) => health.push(change) });
  pools.push(pool);
  return { pool, health, entries };
}

function acquire(
  pool: StdioPool,
  env: Record<string, string> = {},
  script = stdioScript("crash-after-calls"),
) {
  const config = { transport: "stdio" as const, ...script, env };
  return pool.acquire({ orgId: "org_1", serverId: "srv_pooled", config, timeoutMs: 5_000 });
}

async function whoami(connection: UpstreamConnection): Promise<number> {
  const result = await connection.client.callTool({ name: "whoami", arguments: {} });
  const [block] = result.content as { text: string }[];
  return Number(block?.text);
}

describe("a pooled stdio server", () => {
  it("is one process shared by sessions, each getting its own answers", async () => {
    const { pool } = createPool();
    const [first, second] = await Promise.all([acquire(pool), acquire(pool)]);
    if (!first || !second) throw new Error("two sessions expected");
    const pid = first.pid();
    expect(second.pid()).toBe(pid);
    const answers = await Promise.all([whoami(first), whoami(second), whoami(first), whoami(second)]);
    expect(answers).toEqual([pid, pid, pid, pid]);
    expect((await first.client.listTools()).tools.map((tool) => tool.name)).toEqual(["whoami", "print"]);
  });

  it("is restarted with backoff after a crash: the call that crashed it is told why, the next works", async () => {
    const { pool, health, entries } = createPool();
    const session = await acquire(pool, { CRASH_AFTER_CALLS: "1" });
    const firstPid = await whoami(session);
    const crashed = await session.client
      .callTool({ name: "whoami", arguments: {} })
      .catch((error: Error) => error);
    expect(String(crashed)).toContain(
      "Gatehouse: The stdio server exited with code 3 while Gatehouse was using it. Its last output: crash-after-calls ready",
    );
    expect(String(crashed)).toContain("crashing on call 2");
    const secondPid = await eventually(() => whoami(session));
    expect(secondPid).not.toBe(firstPid);
    expect(isProcessAlive(firstPid)).toBe(false);
    expect(health[0]).toMatchObject({ orgId: "org_1", serverId: "srv_pooled", status: "error" });
    expect(health[0]?.lastError).toMatch(
      /exited with code 3 .* Gatehouse restarts it \(attempt 1, in 0\.5 s\)\.$/,
    );
    expect(health.at(-1)).toEqual({
      orgId: "org_1",
      serverId: "srv_pooled",
      status: "connected",
      lastError: null,
    });
    const messages = entries().map((entry) => entry.msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        "pooled stdio server exited",
        "restarting pooled stdio server",
        "pooled stdio server restarted",
      ]),
    );
  });

  it("that cannot start is explained to the session, and not kept", async () => {
    const { pool } = createPool();
    const failure = await gatehouseFailure(acquire(pool, {}, stdioScript("exit-early", ["2", "bad config"])));
    expect(failure.message).toMatch(
      /^The stdio server exited with code 2 before answering initialize\. Its last output: Starting… \| bad config/,
    );
  });

  it("is stopped once idle, and on close, leaving no process behind", async () => {
    const { pool } = createPool(100);
    const session = await acquire(pool);
    const idlePid = await whoami(session);
    await session.client.close();
    await eventually(async () => expect(isProcessAlive(idlePid)).toBe(false));

    const next = await acquire(pool);
    const closedPid = await whoami(next);
    expect(closedPid).not.toBe(idlePid);
    await pool.close();
    expect(isProcessAlive(closedPid)).toBe(false);
  });
});
