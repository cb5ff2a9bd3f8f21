import type { AuditFilter } from "@gatehouse/core/audit/list-audit-events";
import { benchGrantId, benchToolName } from "./seed-shape";

const DAY_MS = 24 * 60 * 60_000;
const SEEK_DAYS = 60;
// The largest UUID, so a seek cursor keeps every event of its millisecond.
const MAX_UUID = "ffffffff-ffff-ffff-ffff-ffffffffffff";

export const DEEP_PAGES = 200;

/** One measured list query: a filter, optionally reached by following the cursor `pages` pages in. */
export type ListQueryCase = { name: string; filter: AuditFilter; pages?: number };

/**
 * The list queries measured per organisation: the first page, each filter the dashboard offers,
 * filter pairs (one that matches nothing: the busy grant never calls a tool of another server), a
 * time range, text search (one that matches nothing), a
 * seek 60 days back from the newest event (the one time bound the list takes), and pages reached
 * by following the cursor as a person paging through would.
 */
export function listQueryCases(orgId: string, newestAt: Date): ListQueryCase[] {
  const tool = benchToolName(3);
  const otherServersTool = benchToolName(15);
  const grantId = benchGrantId(orgId, 0);
  const before = seekCursor(new Date(newestAt.getTime() - SEEK_DAYS * DAY_MS));
  const lastWeek = {
    from: new Date(newestAt.getTime() - 7 * DAY_MS).toISOString(),
    to: newestAt.toISOString(),
  };
  return [
    { name: "first page", filter: {} },
    { name: "decision=deny", filter: { decision: "deny" } },
    { name: "tool", filter: { tool } },
    { name: "grant", filter: { grantId } },
    { name: "tool + deny", filter: { tool, decision: "deny" } },
    { name: "grant + tool, no match", filter: { grantId, tool: otherServersTool } },
    { name: "method", filter: { method: "tools/call" } },
    { name: "last 7 days, deny", filter: { ...lastWeek, decision: "deny" } },
    { name: "search", filter: { q: tool.slice(-6) } },
    { name: "search, no match", filter: { q: "no-such-text" } },
    { name: `${SEEK_DAYS} days back`, filter: { before } },
    { name: `${SEEK_DAYS} days back, tool + deny`, filter: { before, tool, decision: "deny" } },
    { name: `${DEEP_PAGES} pages in, grant`, filter: { grantId }, pages: DEEP_PAGES },
    { name: `${DEEP_PAGES} pages in, deny`, filter: { decision: "deny" }, pages: DEEP_PAGES },
  ];
}

/**
 * A cursor that starts the list at `at`. The list takes no time range, only a cursor, so this
 * writes one in list-audit-events' format ("<ISO time>|<event id>", base64url).
 */
function seekCursor(at: Date): string {
  return Buffer.from(`${at.toISOString()}|${MAX_UUID}`).toString("base64url");
}
