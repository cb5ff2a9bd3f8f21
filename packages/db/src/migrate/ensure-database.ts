import pg from "pg";

/** Creates the database named in `databaseUrl` when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<{ created: boolean }> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new Error(`DATABASE_URL names the database "${name}"; use letters, digits, "_" or "-" only.`);
  }
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return { created: false };
    await client.query(`CREATE DATABASE "${name}"`);
    return { created: true };
  } catch (error) {
    // Another process may have created it between the check and the CREATE: Postgres says
    // so with 42P04, or with 23505 when both CREATEs ran at the same moment.
    const code = (error as { code?: string }).code;
    if (code === "42P04" || code === "23505") return { created: false };
    throw error;
  } finally {
    await client.end();
  }
}
