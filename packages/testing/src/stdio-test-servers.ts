import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const SCRIPTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "stdio-servers");

/** A stdio server registration: the command and arguments that start it, and its env. */
export type StdioServerCommand = { command: string; args: string[]; env?: Record<string, string> };

/** One of this package's small stdio scripts (exit-early, never-answers, crash-after-calls), run by this Node. */
export function stdioScript(
  name: "exit-early" | "never-answers" | "crash-after-calls",
  args: string[] = [],
): StdioServerCommand {
  return { command: process.execPath, args: [path.join(SCRIPTS, `${name}.mjs`), ...args] };
}

/** A published MCP server package's stdio entry point (server-everything, -memory, -filesystem), run by this Node. */
export function packagedStdioServer(
  name: "server-everything" | "server-memory" | "server-filesystem",
  args: string[] = [],
): StdioServerCommand {
  const entry = require.resolve(`@modelcontextprotocol/${name}/dist/index.js`);
  return { command: process.execPath, args: [entry, ...args] };
}

/** The MLflow stand-in over stdio, as registered from the template (it needs MLFLOW_TRACKING_URI). */
export function mlflowDemoServer(env: Record<string, string> = {}): StdioServerCommand {
  const bin = path.join(SCRIPTS, "../../../../examples/mlflow-demo-server/bin/mlflow-demo-server.mjs");
  return { command: process.execPath, args: [path.resolve(bin)], env };
}
