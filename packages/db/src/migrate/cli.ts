import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "./apply-migrations";
import { ensureDatabase } from "./ensure-database";

// Command-line entry: `npm run db:migrate`. Reads DATABASE_URL only, since it
// runs before any app's environment is assembled.
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gatehouse";
const migrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../prisma/migrations",
);

const { created } = await ensureDatabase(databaseUrl);
const result = await applyMigrations({ databaseUrl, migrationsDir });
const where = new URL(databaseUrl);
where.password = "";
console.log(
  `${created ? "created database, " : ""}applied ${result.applied.length} migration(s) to ${where.host}${where.pathname}${result.applied.length ? `: ${result.applied.join(", ")}` : ""}`,
);
