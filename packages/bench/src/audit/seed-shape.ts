// The shape of the seeded audit log, shared by the seeding SQL and the queries that read it back:
// organisation, grant and tool names follow these patterns so a query can name a busy grant or
// tool without first searching for one.

export const ORG_COUNT = 50;
export const SEED_DAYS = 90;
/** Share of all events that belong to the first organisation; the rest fall off steeply. */
export const BIG_ORG_SHARE = 0.4;

/** Organisation `n` (1-based); 1 is the big one, higher numbers are ever smaller. */
export function benchOrgId(n: number): string {
  return `bench-org-${String(n).padStart(2, "0")}`;
}

export const BIG_ORG_ID = benchOrgId(1);
export const SMALL_ORG_ID = benchOrgId(ORG_COUNT);
/** Receives the ingest benchmark's events, which are deleted afterwards, so the seed stays as seeded. */
export const INGEST_ORG_ID = "bench-org-ingest";

/** Grant `k` of an organisation; grant 0 is its busiest and, like every grant, calls one server's tools. */
export function benchGrantId(orgId: string, k: number): string {
  return `${orgId}-grant-${k}`;
}

/**
 * Tool `k`. Grant g calls server g mod (the organisation's server count), and server s exposes
 * tools 15·s to 15·s + 14, the first ones busiest: grant 0 calls tools 0 to 14 only.
 */
export function benchToolName(k: number): string {
  return `tool_${String(k).padStart(3, "0")}`;
}
