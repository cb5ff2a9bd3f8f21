import type { Prisma } from "@gatehouse/db/models";
import { BIG_ORG_SHARE, ORG_COUNT, SEED_DAYS } from "./seed-shape";

type Chunk = {
  /** Events first..last (1-based, inclusive) of `total`; event i happened at i/total of the span. */
  first: number;
  last: number;
  total: number;
  /** When the newest seeded event happened. */
  endsAt: Date;
};

/**
 * Inserts one slice of the seeded audit log in a single INSERT … SELECT. Events are generated in
 * time order, as the worker would have stored them, so the table's physical order follows
 * occurredAt across interleaved organisations. Per event: the organisation (40 % the first, the
 * rest falling off as a power law), a grant skewed to the organisation's first ones, the grant's
 * server and one of its 15 tools, and mostly allowed decisions (93 % allow, 6 % deny, 1 %
 * held for approval). Names follow seed-shape.ts.
 */
export async function insertSeedChunk(db: Prisma.TransactionClient, chunk: Chunk): Promise<number> {
  const { first, last, total } = chunk;
  const endsAt = chunk.endsAt.toISOString();
  const otherOrgs = ORG_COUNT - 1;
  return db.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "orgId", "grantId", "serverId", "occurredAt", "method", "tool",
      "decision", "rule", "policyId", "policyVersion", "reason", "upstreamStatus", "latencyMs",
      "sessionId", "argumentKeys", "approvalStatus", "approvalWaitMs")
    SELECT gen_random_uuid(), org_id, format('%s-grant-%s', org_id, grant_k),
      format('%s-server-%s', org_id, server_k),
      (${endsAt}::timestamptz AT TIME ZONE 'UTC')
        - make_interval(days => ${SEED_DAYS}::int) * (1 - (i - r_time) / ${total}::float8),
      CASE WHEN r_method < 0.85 THEN 'tools/call' WHEN r_method < 0.95 THEN 'tools/list' ELSE 'resources/read' END,
      CASE WHEN r_method < 0.85 THEN format('tool_%s', lpad((server_k * 15 + floor(15 * r_tool ^ 2)::int)::text, 3, '0'))
        WHEN r_method >= 0.95 THEN 'file:///docs/readme.md' END,
      decision::"Decision",
      CASE decision WHEN 'allow' THEN '(default allow)' ELSE '/tools/*/action' END,
      format('%s-policy-%s', org_id, grant_k), 1,
      CASE decision WHEN 'deny' THEN 'Denied by policy.' END,
      CASE WHEN decision <> 'deny' THEN 'ok' END,
      (5 + 400 * r_latency ^ 3)::int,
      format('%s-session-%s', org_id, i / 40),
      CASE WHEN r_method < 0.85 THEN ARRAY['query', 'limit'] ELSE ARRAY[]::text[] END,
      CASE decision WHEN 'require_approval' THEN 'approved'::"ApprovalStatus" END,
      CASE decision WHEN 'require_approval' THEN (r_latency * 600000)::int END
    FROM (
      SELECT *, grant_k % servers AS server_k
      FROM (
        SELECT *, format('bench-org-%s', lpad(org::text, 2, '0')) AS org_id,
          floor(grants * r_grant ^ 1.5)::int AS grant_k,
          CASE WHEN org = 1 THEN 48 ELSE 1 + grants / 5 END AS servers,
          CASE WHEN r_decision < 0.93 THEN 'allow' WHEN r_decision < 0.99 THEN 'deny' ELSE 'require_approval' END AS decision
        FROM (
          SELECT *, CASE WHEN org = 1 THEN 200 ELSE 3 + 100 / org END AS grants
          FROM (
            -- One random draw per column, made once per event in this innermost query.
            SELECT i, random() AS r_time, random() AS r_grant, random() AS r_tool, random() AS r_decision,
              random() AS r_method, random() AS r_latency,
              CASE WHEN random() < ${BIG_ORG_SHARE}::float8 THEN 1
                ELSE 2 + floor(${otherOrgs}::int * random() ^ 2.5)::int END AS org
            FROM generate_series(${first}::int, ${last}::int) AS i
          ) draws
        ) sized
      ) named
    ) placed`;
}
