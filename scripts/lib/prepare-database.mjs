import { run } from "./run.mjs";

/**
 * Generates the Prisma client. Prisma's CLI asks for a native query engine it
 * never uses with the JS engine; pointing it at any existing file stops it from
 * trying to download one (see README, "Database").
 */
export async function generatePrismaClient(root, env) {
  const prismaEnv = {
    ...env,
    PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  await run("npx", ["prisma", "generate"], { cwd: root, env: prismaEnv });
}

/** Creates the database if needed and applies pending migrations. */
export async function migrateDatabase(root, env) {
  await run("npx", ["tsx", "packages/db/src/migrate/cli.ts"], { cwd: root, env });
}
