import pg from "pg";

// The migration runner's own bookkeeping is not part of the application schema.
const IGNORED_TABLE = "_prisma_migrations";
// Expression indexes Prisma's schema cannot describe, created by migrations alone.
const MIGRATION_ONLY_INDEXES = ["AuditEvent_org_search_trgm_idx"];

// Each query yields one line of text per database object, so two databases can be compared
// as sorted lists and a mismatch printed as the lines only one side has.
const STRUCTURE_QUERIES: Record<string, string> = {
  table: `
    SELECT table_name AS line FROM information_schema.tables
    WHERE table_schema = 'public' AND table_name <> $1`,
  // format_type gives the full type, e.g. "timestamp(3) without time zone" or "text[]".
  column: `
    SELECT format('%s.%s %s %s default=%s', rel.relname, a.attname, format_type(a.atttypid, a.atttypmod),
      CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'NULL' END,
      coalesce(pg_get_expr(d.adbin, d.adrelid), '-')) AS line
    FROM pg_attribute a
    JOIN pg_class rel ON rel.oid = a.attrelid AND rel.relkind = 'r'
    JOIN pg_namespace n ON n.oid = rel.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND rel.relname <> $1 AND a.attnum > 0 AND NOT a.attisdropped`,
  // Labels are compared as a set: "ALTER TYPE … ADD VALUE" appends, so a correct migration can
  // leave a different order than a fresh CREATE TYPE from the schema.
  enum: `
    SELECT format('%s {%s}', t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumlabel)) AS line
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    GROUP BY t.typname`,
  index: `
    SELECT format('%s: %s', indexname, indexdef) AS line FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> $1
      AND indexname NOT IN (${MIGRATION_ONLY_INDEXES.map((name) => `'${name}'`).join(", ")})`,
  constraint: `
    SELECT format('%s.%s %s: %s', rel.relname, c.conname, c.contype, pg_get_constraintdef(c.oid)) AS line
    FROM pg_constraint c
    JOIN pg_class rel ON rel.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = rel.relnamespace
    WHERE n.nspname = 'public' AND rel.relname <> $1`,
  sequence: `
    SELECT format('%s %s', sequence_name, data_type) AS line FROM information_schema.sequences
    WHERE sequence_schema = 'public'`,
};

/** Every table, column, enum, index, constraint and sequence in the public schema, one sorted line each. */
export async function describeStructure(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const lines: string[] = [];
    for (const [kind, sql] of Object.entries(STRUCTURE_QUERIES)) {
      const values = sql.includes("$1") ? [IGNORED_TABLE] : [];
      const result = await client.query<{ line: string }>(sql, values);
      lines.push(...result.rows.map((row) => `${kind} ${row.line}`));
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

/** The lines only one of two structures has (both empty when they match). */
export function structureDifference(left: string[], right: string[]) {
  const leftSet = new Set(left);
  const rightSet = new Set(right);
  return {
    onlyLeft: left.filter((line) => !rightSet.has(line)),
    onlyRight: right.filter((line) => !leftSet.has(line)),
  };
}
