import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

/** The entry of a package's bin, resolved from the installed package (never an `npx` download). */
export function packageBin(packageName: string, relativeEntry: string): string {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), relativeEntry);
}

export type ClientHome = { env: Record<string, string>; remove: () => Promise<void> };

/**
 * An environment whose home directory is a fresh temporary one: the clients keep state there
 * (the Inspector's storage, mcp-remote's OAuth cache), and a test must neither read a developer's
 * nor leave its own behind.
 */
export async function createClientHome(): Promise<ClientHome> {
  const home = await mkdtemp(path.join(tmpdir(), "gatehouse-client-home-"));
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return {
    env: {
      ...Object.fromEntries(inherited),
      HOME: home,
      MCP_REMOTE_CONFIG_DIR: path.join(home, ".mcp-auth"),
    },
    remove: () => rm(home, { recursive: true, force: true }),
  };
}
