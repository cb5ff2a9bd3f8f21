import { listAuditEvents } from "@gatehouse/core/audit/list-audit-events";
import { describe, expect, it } from "vitest";
import { connectAgent, eventually, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);

describe("audit log", () => {
  it("records every answered request through the queue and worker into Postgres", async () => {
    const { token, grantId } = await bed.harness.grant({
      version: "1",
      default: "deny",
      tools: {
        echo: { limits: [{ counter: "audit_echo", window: "day", max: 1 }] },
        "get-sum": { action: "deny", reason: "no sums" },
      },
    });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    await agent.listTools();
    await agent.callTool({ name: "echo", arguments: { message: "secret value", extra: 1 } });
    await agent.callTool({ name: "echo", arguments: { message: "again" } });
    await agent.callTool({ name: "get-sum", arguments: { a: 1, b: 2 } });
    await agent.callTool({ name: "get-tiny-image", arguments: {} });
    await agent.close();
    await bed.proxy.deps.audit.drain();

    const rows = await eventually(async () => {
      const found = await bed.harness.db.auditEvent.findMany({
        where: { grantId },
        orderBy: { occurredAt: "asc" },
      });
      expect(found).toHaveLength(6);
      return found;
    });
    const summary = rows.map((row) => [row.method, row.tool, row.decision, row.rule]);
    expect(summary).toEqual([
      ["initialize", null, "allow", null],
      ["tools/list", null, "allow", null],
      ["tools/call", "echo", "allow", "/tools/echo"],
      ["tools/call", "echo", "deny", "/tools/echo/limits/0"],
      ["tools/call", "get-sum", "deny", "/tools/get-sum"],
      ["tools/call", "get-tiny-image", "deny", "(default deny)"],
    ]);
    const [initialize, list, allowed, limited, denied] = rows;
    expect(initialize?.sessionId).toBeTruthy();
    expect(new Set(rows.map((row) => row.sessionId)).size).toBe(1);
    expect(list?.reason).toMatch(/^1 listed, \d+ hidden by policy$/);
    expect(allowed?.argumentKeys).toEqual(["message", "extra"]);
    expect(allowed?.upstreamStatus).toBe("ok");
    expect(JSON.stringify(rows)).not.toContain("secret value");
    expect(limited?.reason).toContain('Rate limit "audit_echo" reached');
    expect(denied?.reason).toBe("no sums");
    for (const row of rows) {
      expect(row.orgId).toBe(bed.harness.account.orgId);
      expect(row.serverId).toBe(bed.harness.serverId);
      expect(row.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it("lists a grant's events newest first for its organisation only", async () => {
    const { token, grantId } = await bed.harness.grant({ version: "1", default: "allow" });
    const agent = await connectAgent(proxyUrl(bed.proxy, token));
    await agent.callTool({ name: "echo", arguments: { message: "x" } });
    await agent.close();
    await bed.proxy.deps.audit.drain();
    const page = await eventually(async () => {
      const result = await listAuditEvents({
        db: bed.harness.db,
        orgId: bed.harness.account.orgId,
        filter: { grantId },
      });
      expect(result.events).toHaveLength(2);
      return result;
    });
    expect(page.events.map((event) => event.method)).toEqual(["tools/call", "initialize"]);
    const other = await listAuditEvents({ db: bed.harness.db, orgId: "someone-else", filter: { grantId } });
    expect(other.events).toEqual([]);
  });
});
