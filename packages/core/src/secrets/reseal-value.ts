import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import type { SealedColumn } from "./sealed-columns";
import type { SecretBox } from "./secret-box";

// A row edited this many times during one rotation is left for the next run rather than chased.
const MAX_ATTEMPTS = 3;

/** What re-sealing one row did: re-sealed it, found it already current or gone (changed meanwhile), or gave up. */
export type ResealOutcome = "resealed" | "current" | "contended";

/**
 * Re-seals one row's value under the current key. The write is a compare-and-swap on the value
 * read, so an edit made meanwhile is never overwritten; the row is then read again and retried.
 * Throws when the value cannot be opened (its key is not configured, or it was tampered with).
 */
export async function resealValue(options: {
  db: Db;
  secretBox: SecretBox;
  target: SealedColumn;
  id: string;
  sealed: string;
}): Promise<ResealOutcome> {
  const { db, secretBox, id } = options;
  const { table, column } = sealedColumnSql(options.target);
  let sealed: string | null = options.sealed;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (sealed === null || secretBox.isSealedWithCurrentKey(sealed)) return "current";
    const resealed = secretBox.encrypt(secretBox.decrypt(sealed));
    const updated = await db.$executeRaw`
      UPDATE ${table} SET ${column} = ${resealed} WHERE id = ${id} AND ${column} = ${sealed}`;
    if (updated === 1) return "resealed";
    const rows = await db.$queryRaw<{ sealed: string | null }[]>`
      SELECT ${column} AS sealed FROM ${table} WHERE id = ${id}`;
    sealed = rows[0]?.sealed ?? null;
  }
  return "contended";
}

/** The column's quoted table and column identifiers, for raw SQL (constants, never input). */
export function sealedColumnSql(target: SealedColumn) {
  return { table: Prisma.raw(`"${target.table}"`), column: Prisma.raw(`"${target.column}"`) };
}
