import { type AuditFilter, listAuditEvents } from "@gatehouse/core/audit/list-audit-events";
import type { Db } from "@gatehouse/db/client";
import { step } from "../progress";
import { nearestRank } from "../stats";
import { type ListQueryCase, listQueryCases } from "./list-query-cases";
import { BIG_ORG_ID, SMALL_ORG_ID } from "./seed-shape";

export const WARMUP_RUNS = 5;

export type ListQueryResult = {
  orgId: string;
  orgEvents: number;
  name: string;
  /** The page measured (1 is the first); lower than asked when the filter has fewer pages. */
  page: number;
  rows: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
};

/**
 * Times listAuditEvents (the dashboard's audit list) for the biggest and the smallest organisation:
 * each case runs `runs` times after a warm-up, one at a time, so each time is one query's latency.
 */
export async function measureListQueries(options: { db: Db; runs: number }): Promise<ListQueryResult[]> {
  const { db, runs } = options;
  const results: ListQueryResult[] = [];
  for (const orgId of [BIG_ORG_ID, SMALL_ORG_ID]) {
    const orgEvents = await db.auditEvent.count({ where: { orgId } });
    const newest = (await listAuditEvents({ db, orgId, filter: {} })).events[0];
    if (!newest) throw new Error(`${orgId} has no audit events; reseed with --reseed.`);
    step(`queries: ${orgId} (${orgEvents.toLocaleString("en")} events), ${runs} runs per case`);
    for (const queryCase of listQueryCases(orgId, newest.occurredAt)) {
      const { filter, page } = await reachPage(db, orgId, queryCase);
      const measured = await timeQuery(() => listAuditEvents({ db, orgId, filter }), runs);
      results.push({ orgId, orgEvents, name: queryCase.name, page, ...measured });
    }
  }
  return results;
}

/** The case's filter with the cursor of its page, found by following nextCursor from the first page. */
async function reachPage(
  db: Db,
  orgId: string,
  queryCase: ListQueryCase,
): Promise<{ filter: AuditFilter; page: number }> {
  let filter = queryCase.filter;
  let page = 1;
  while (page < (queryCase.pages ?? 1)) {
    const { nextCursor } = await listAuditEvents({ db, orgId, filter });
    if (!nextCursor) break;
    filter = { ...queryCase.filter, before: nextCursor };
    page++;
  }
  return { filter, page };
}

async function timeQuery(
  query: () => Promise<{ events: unknown[] }>,
  runs: number,
): Promise<{ rows: number; p50Ms: number; p95Ms: number; maxMs: number }> {
  for (let run = 0; run < WARMUP_RUNS; run++) await query();
  const latenciesMs: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    const startedMs = performance.now();
    rows = (await query()).events.length;
    latenciesMs.push(performance.now() - startedMs);
  }
  latenciesMs.sort((a, b) => a - b);
  return {
    rows,
    p50Ms: nearestRank(latenciesMs, 0.5),
    p95Ms: nearestRank(latenciesMs, 0.95),
    maxMs: latenciesMs.at(-1) ?? 0,
  };
}
