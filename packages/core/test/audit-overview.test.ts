import { randomBytes, randomUUID } from "node:crypto";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import { getAuditOverview } from "@gatehouse/core/audit/get-audit-overview";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { auditEvent } from "@gatehouse/testing/audit-fixtures";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "./test-support";

const db = useTestDb();
const HOUR_MS = 3_600_000;
// Mid-hour, so "an hour ago" and "now" fall in different hourly buckets.
const NOW = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 30 * 60_000);
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

type Names = { grantId: string; policyId: string };
let orgId: string;
let mine: Names;
let theirs: Names;

/** A server, policy and grant in the organisation, created directly so only their names matter. */
async function createNamedGrant(org: { orgId: string; userId: string }, name: string): Promise<Names> {
  const server = await db.mcpServer.create({
    data: {
      orgId: org.orgId,
      name: `server ${uniqueSuffix()}`,
      transport: "streamable_http",
      url: "http://127.0.0.1:9/mcp",
    },
  });
  const policy = await db.policy.create({
    data: { orgId: org.orgId, serverId: server.id, name: `${name} policy` },
  });
  const grant = await db.grant.create({
    data: {
      orgId: org.orgId,
      serverId: server.id,
      policyId: policy.id,
      name,
      tokenHash: randomBytes(16).toString("hex"),
      tokenPrefix: "ghg_test",
      createdById: org.userId,
    },
  });
  return { grantId: grant.id, policyId: policy.id };
}

beforeAll(async () => {
  const account = await createTestAccount(db, "audit-overview");
  const other = await createTestAccount(db, "audit-overview-other");
  orgId = account.orgId;
  [mine, theirs] = await Promise.all([
    createNamedGrant(account, "release-bot"),
    createNamedGrant(other, "secret-bot"),
  ]);
  const call = (overrides: Partial<AuditEvent>) => auditEvent(orgId, { grantId: mine.grantId, ...overrides });
  const deny = (rule: string, policyId: string, at: string) =>
    call({ occurredAt: at, decision: "deny", rule, policyId, tool: "rm", latencyMs: 40 });
  await insertAuditEvents({
    db,
    events: [
      call({ occurredAt: ago(HOUR_MS), tool: "echo", latencyMs: 10, upstreamLatencyMs: 8 }),
      call({ occurredAt: ago(HOUR_MS), tool: "echo", latencyMs: 20, upstreamLatencyMs: 16 }),
      call({ occurredAt: ago(2 * HOUR_MS), tool: "echo", decision: "require_approval", latencyMs: 30 }),
      deny("/tools/rm", mine.policyId, ago(60_000)),
      deny("/tools/rm", mine.policyId, ago(3 * HOUR_MS)),
      // A rule naming another organisation's policy (ids are opaque): its name must not show.
      deny("(default deny)", theirs.policyId, ago(60_000)),
      call({ occurredAt: ago(25 * HOUR_MS), tool: "old" }),
      auditEvent(null, { grantId: mine.grantId, occurredAt: ago(60_000), tool: "echo", decision: "deny" }),
      auditEvent(other.orgId, { grantId: theirs.grantId, occurredAt: ago(60_000), tool: "echo" }),
    ],
  });
});

describe("getAuditOverview", () => {
  it("totals the period's calls by decision, with latency percentiles", async () => {
    const { totals, from, to } = await getAuditOverview({ db, orgId, range: "24h", now: NOW });
    expect(to.getTime() - from.getTime()).toBe(24 * HOUR_MS);
    expect(to.getTime() % HOUR_MS).toBe(0);
    expect(totals).toMatchObject({ calls: 6, allow: 2, deny: 3, require_approval: 1 });
    // percentile_cont interpolates: latencies 10, 20, 30, 40, 40, 40.
    expect(totals.latency.p50Ms).toBeCloseTo(35);
    expect(totals.latency.p95Ms).toBeCloseTo(40);
    expect(totals.upstreamLatency).toEqual({
      p50Ms: 12,
      p95Ms: expect.closeTo(15.6),
      p99Ms: expect.closeTo(15.92),
    });
  });

  it("buckets calls by hour, empty hours included", async () => {
    const { timeline } = await getAuditOverview({ db, orgId, range: "24h", now: NOW });
    expect(timeline).toHaveLength(24);
    const last = timeline.at(-1);
    expect(last?.start.getTime()).toBe(Math.floor(NOW.getTime() / HOUR_MS) * HOUR_MS);
    expect(last).toMatchObject({ allow: 0, deny: 2, require_approval: 0, p50Ms: 40 });
    expect(timeline.at(-2)).toMatchObject({ allow: 2, deny: 0, p50Ms: 15 });
    expect(timeline.at(-3)).toMatchObject({ require_approval: 1 });
    expect(timeline.at(-5)).toMatchObject({ allow: 0, deny: 0, require_approval: 0, p50Ms: null });
    const counted = timeline.reduce(
      (sum, bucket) => sum + bucket.allow + bucket.deny + bucket.require_approval,
      0,
    );
    expect(counted).toBe(6);
  });

  it("ranks tools, denial rules and grants, naming only the organisation's own", async () => {
    const overview = await getAuditOverview({ db, orgId, range: "24h", now: NOW });
    expect(overview.topTools).toEqual([
      { tool: "echo", calls: 3, denied: 0 },
      { tool: "rm", calls: 3, denied: 3 },
    ]);
    expect(overview.topDenialRules).toEqual([
      { policyId: mine.policyId, policyName: "release-bot policy", rule: "/tools/rm", denied: 2 },
      { policyId: theirs.policyId, policyName: null, rule: "(default deny)", denied: 1 },
    ]);
    expect(overview.grants).toEqual([
      {
        grantId: mine.grantId,
        grantName: "release-bot",
        calls: 6,
        allow: 2,
        deny: 3,
        require_approval: 1,
        p95Ms: expect.closeTo(40),
      },
    ]);
  });

  it("covers longer periods in wider buckets", async () => {
    const week = await getAuditOverview({ db, orgId, range: "7d", now: NOW });
    expect(week.timeline).toHaveLength(28);
    expect(week.totals.calls).toBe(7);
    const month = await getAuditOverview({ db, orgId, range: "30d", now: NOW });
    expect(month.timeline).toHaveLength(30);
  });

  it("shows an organisation without calls as empty", async () => {
    const overview = await getAuditOverview({ db, orgId: `org-${randomUUID()}`, range: "24h", now: NOW });
    expect(overview.totals).toEqual({
      calls: 0,
      allow: 0,
      deny: 0,
      require_approval: 0,
      latency: { p50Ms: null, p95Ms: null, p99Ms: null },
      upstreamLatency: { p50Ms: null, p95Ms: null, p99Ms: null },
    });
    expect(overview.topTools).toEqual([]);
    expect(
      overview.timeline.every((bucket) => bucket.allow + bucket.deny + bucket.require_approval === 0),
    ).toBe(true);
  });
});
