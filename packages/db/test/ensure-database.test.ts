import { ensureDatabase } from "@gatehouse/db/migrate/ensure-database";
import { TEST_DATABASE_URL } from "@gatehouse/testing/test-env";
import { afterAll, describe, expect, it } from "vitest";
import { databaseExists, databaseUrl, dropDatabase, scratchName } from "./scratch-database";

const created: string[] = [];

afterAll(async () => {
  await Promise.all(created.map(dropDatabase));
});

function freshName(label: string): string {
  const name = scratchName(label);
  created.push(name);
  return name;
}

describe("ensureDatabase", () => {
  it("creates a missing database, then leaves it alone", async () => {
    const name = freshName("ensure");
    expect(await databaseExists(name)).toBe(false);
    expect(await ensureDatabase(databaseUrl(name))).toEqual({ created: true });
    expect(await databaseExists(name)).toBe(true);
    expect(await ensureDatabase(databaseUrl(name))).toEqual({ created: false });
  });

  it("is a no-op for an existing database", async () => {
    expect(await ensureDatabase(TEST_DATABASE_URL)).toEqual({ created: false });
  });

  it("accepts hyphens in the name", async () => {
    const name = scratchName("ensure").replaceAll("_", "-");
    created.push(name);
    expect(await ensureDatabase(databaseUrl(name))).toEqual({ created: true });
    expect(await databaseExists(name)).toBe(true);
  });

  it.each([
    ["a space", "my%20db", "my db"],
    ["a quote", "x%22%3B%20DROP%20DATABASE%20postgres%3B%20--", 'x"; DROP DATABASE postgres; --'],
    ["a semicolon", "a;b", "a;b"],
    ["a dot", "a.b", "a.b"],
    ["no name", "", ""],
  ])("refuses a name with %s before touching the server", async (_label, pathname, decoded) => {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${pathname}`;
    await expect(ensureDatabase(url.toString())).rejects.toThrow(
      `DATABASE_URL names the database "${decoded}"; use letters, digits, "_" or "-" only.`,
    );
    if (decoded) expect(await databaseExists(decoded)).toBe(false);
  });

  // Each package's test setup may create the test database at the same moment on a fresh machine.
  it("tolerates other processes creating the same database at the same moment", async () => {
    const name = freshName("race");
    const results = await Promise.all(Array.from({ length: 4 }, () => ensureDatabase(databaseUrl(name))));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await databaseExists(name)).toBe(true);
  });
});
