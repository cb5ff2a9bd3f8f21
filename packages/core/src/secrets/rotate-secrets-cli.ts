import { createDb } from "@gatehouse/db/client";
import { z } from "zod";
import { envFields, parseEnv } from "../config/env-fields";
import { parseEncryptionKey } from "./encryption-key";
import { addRepeatedKeyIssue, encryptionKeyField, previousEncryptionKeysField } from "./encryption-key-env";
import { type ResealReport, resealSecrets } from "./reseal-secrets";
import { createSecretBox } from "./secret-box";

// Command-line entry: `npm run secrets:rotate [-- --dry-run]`, run after every process has
// restarted with the new GATEHOUSE_ENCRYPTION_KEY (see README, "Rotating the encryption key").
const EnvSchema = z
  .object({
    DATABASE_URL: envFields.DATABASE_URL,
    GATEHOUSE_ENCRYPTION_KEY: encryptionKeyField,
    GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: previousEncryptionKeysField,
  })
  .superRefine((env, ctx) =>
    addRepeatedKeyIssue(env.GATEHOUSE_ENCRYPTION_KEY, env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS, ctx),
  );

const args = process.argv.slice(2);
const isDryRun = args.includes("--dry-run");
const unknown = args.filter((arg) => arg !== "--dry-run");
if (unknown.length) {
  console.error(`Unknown argument ${unknown.join(" ")}. Usage: npm run secrets:rotate [-- --dry-run]`);
  process.exit(2);
}

const env = readEnv();
const secretBox = createSecretBox(env.GATEHOUSE_ENCRYPTION_KEY, env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS);
const previousIds = env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS.map((key) => parseEncryptionKey(key).id);
console.log(
  `${isDryRun ? "Dry run (nothing is written): " : ""}re-sealing under key ${secretBox.currentKeyId}; previous keys: ${previousIds.join(", ") || "none"}`,
);

const db = createDb(env.DATABASE_URL);
try {
  const reports = await resealSecrets({ db, secretBox, isDryRun });
  for (const report of reports) console.log(describeReport(report, isDryRun));
  const failures = reports.flatMap((report) =>
    report.failed.map((failure) => `  ${report.column} row ${failure.id}: ${failure.reason}`),
  );
  if (failures.length) {
    console.error(
      `Could not re-seal ${failures.length} value(s), left as they were:\n${failures.join("\n")}`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}

function describeReport(report: ResealReport, isDry: boolean): string {
  const counts = [
    `${report.resealed} ${isDry ? "to re-seal" : "re-sealed"}`,
    ...(report.changedMeanwhile ? [`${report.changedMeanwhile} changed meanwhile (already current)`] : []),
    ...(report.failed.length ? [`${report.failed.length} failed`] : []),
  ];
  return `  ${report.column}: ${counts.join(", ")}`;
}

// A bad variable is the operator's to fix: the message names it, a stack trace would only bury it.
function readEnv(): z.output<typeof EnvSchema> {
  try {
    return parseEnv(EnvSchema, process.env, "secrets:rotate command");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
