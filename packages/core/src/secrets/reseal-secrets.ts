import type { Db } from "@gatehouse/db/client";
import { isGatehouseError } from "../errors/gatehouse-error";
import { type ResealOutcome, resealValue, sealedColumnSql } from "./reseal-value";
import { SEALED_COLUMNS, type SealedColumn, sealedColumnName } from "./sealed-columns";
import type { SecretBox } from "./secret-box";

const DEFAULT_BATCH_SIZE = 200;

/** One sealed column's rotation: how many values were (or, in a dry run, would be) re-sealed and which failed. */
export type ResealReport = {
  column: string;
  /** Values not yet under the current key when read. */
  found: number;
  /** Re-sealed under the current key (in a dry run: would be). */
  resealed: number;
  /** Changed or deleted by someone else meanwhile, and already under the current key. */
  changedMeanwhile: number;
  /** Rows left as they were, with why; the command exits non-zero naming them. */
  failed: { id: string; reason: string }[];
};

/**
 * Re-seals every sealed value not under the secret box's current key, column by column in
 * batches, without ever overwriting a concurrent edit. Running it again does nothing.
 * With `isDryRun` it only opens each value, reporting what it would re-seal and what fails.
 */
export async function resealSecrets(options: {
  db: Db;
  secretBox: SecretBox;
  isDryRun?: boolean;
  batchSize?: number;
}): Promise<ResealReport[]> {
  const reports: ResealReport[] = [];
  for (const target of SEALED_COLUMNS) reports.push(await resealColumn(options, target));
  return reports;
}

async function resealColumn(
  options: { db: Db; secretBox: SecretBox; isDryRun?: boolean; batchSize?: number },
  target: SealedColumn,
): Promise<ResealReport> {
  const report: ResealReport = {
    column: sealedColumnName(target),
    found: 0,
    resealed: 0,
    changedMeanwhile: 0,
    failed: [],
  };
  let afterId = "";
  for (;;) {
    const rows = await readStaleBatch(options, target, afterId);
    for (const row of rows) {
      report.found++;
      try {
        const outcome = await resealOrCheck(options, target, row);
        if (outcome === "resealed") report.resealed++;
        else if (outcome === "current") report.changedMeanwhile++;
        else report.failed.push({ id: row.id, reason: "it kept changing while being re-sealed; run again" });
      } catch (error) {
        report.failed.push({ id: row.id, reason: describeOpenFailure(error) });
      }
    }
    const last = rows.at(-1);
    if (!last) return report;
    afterId = last.id;
  }
}

// A dry run only proves the value opens, which is all a real run could fail on before writing.
async function resealOrCheck(
  options: { db: Db; secretBox: SecretBox; isDryRun?: boolean },
  target: SealedColumn,
  row: { id: string; sealed: string },
): Promise<ResealOutcome> {
  if (!options.isDryRun) return resealValue({ ...options, target, ...row });
  options.secretBox.decrypt(row.sealed);
  return "resealed";
}

// Only values not already sealed under the current key are read, so a second run reads nothing.
function readStaleBatch(
  options: { db: Db; secretBox: SecretBox; batchSize?: number },
  target: SealedColumn,
  afterId: string,
) {
  const { table, column } = sealedColumnSql(target);
  const currentPrefix = `${options.secretBox.currentPrefix}%`;
  return options.db.$queryRaw<{ id: string; sealed: string }[]>`
    SELECT id, ${column} AS sealed FROM ${table}
    WHERE id > ${afterId} AND ${column} IS NOT NULL AND ${column} NOT LIKE ${currentPrefix}
    ORDER BY id LIMIT ${options.batchSize ?? DEFAULT_BATCH_SIZE}`;
}

function describeOpenFailure(error: unknown): string {
  if (isGatehouseError(error)) return error.publicMessage;
  return "it cannot be opened with any configured key (it was sealed with a key that is not configured, or altered)";
}
