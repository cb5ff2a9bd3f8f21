import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const API_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../apps/web/src/app/api/v1",
);
const METHOD_EXPORT = /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g;

/**
 * Every operation the dashboard's /api/v1 route files export, as "METHOD /api/v1/path/{param}",
 * read from the source tree so a test can hold the OpenAPI document to what really exists.
 * The catch-all route (JSON 404 for unknown paths) is not an endpoint and is left out.
 */
export function listImplementedApiOperations(): string[] {
  const operations: string[] = [];
  for (const file of readdirSync(API_DIR, { recursive: true, encoding: "utf8" })) {
    if (path.basename(file) !== "route.ts") continue;
    const segments = path
      .dirname(file)
      .split(path.sep)
      .filter((segment) => segment !== ".");
    if (segments.some((segment) => segment.startsWith("[..."))) continue;
    const route = ["/api/v1", ...segments.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))].join("/");
    const source = readFileSync(path.join(API_DIR, file), "utf8");
    for (const [, method] of source.matchAll(METHOD_EXPORT)) operations.push(`${method} ${route}`);
  }
  return operations.sort();
}
