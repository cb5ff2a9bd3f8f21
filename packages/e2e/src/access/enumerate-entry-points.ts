import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../apps/web");
const APP_DIR = path.join(WEB_DIR, "src/app");
const SERVER_DIR = path.join(WEB_DIR, ".next/server");
const METHOD_EXPORT =
  /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b|export \{([^}]*)\}/g;
// Next's own pages, not the application's.
const FRAMEWORK_PAGES = new Set(["/_global-error/page", "/_not-found/page"]);

/** A server action as the build knows it: its id, and the file and export it comes from. */
export type ServerAction = { id: string; key: string; workers: string[] };

/**
 * Every entry point of the built dashboard, keyed as the coverage table is:
 * "page /servers/[serverId]", "GET /api/v1/servers/[id]", "action servers/new/actions.ts#registerServerAction".
 * Pages and route handlers come from the build's app-paths manifest (route groups dropped), each
 * handler's methods from its source file, and actions from the server-reference manifest.
 */
export function enumerateEntryPoints(): { keys: string[]; actions: Map<string, ServerAction> } {
  const appPaths = Object.keys(readJson<Record<string, string>>("app-paths-manifest.json"));
  assertBuildMatchesSource(appPaths);
  const keys: string[] = [];
  for (const appPath of appPaths.filter((entry) => !FRAMEWORK_PAGES.has(entry))) {
    const route = toUrlPath(appPath);
    if (appPath.endsWith("/page")) keys.push(`page ${route}`);
    else for (const method of routeMethods(appPath)) keys.push(`${method} ${route}`);
  }
  const actions = new Map<string, ServerAction>();
  const manifest = readJson<{ node: Record<string, ActionRecord> }>("server-reference-manifest.json");
  for (const [id, record] of Object.entries(manifest.node)) {
    const file = path.relative("apps/web/src/app", record.filename).split(path.sep).filter(isNotGroup);
    const key = `action ${file.join("/")}#${record.exportedName}`;
    actions.set(key, { id, key, workers: Object.keys(record.workers) });
  }
  return { keys: [...keys, ...actions.keys()].sort(), actions };
}

type ActionRecord = { filename: string; exportedName: string; workers: Record<string, unknown> };

function readJson<T>(name: string): T {
  const file = path.join(SERVER_DIR, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the dashboard first.`);
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

function isNotGroup(segment: string): boolean {
  return !/^\(.*\)$/.test(segment);
}

function toUrlPath(appPath: string): string {
  const segments = appPath.split("/").slice(1, -1).filter(isNotGroup);
  return `/${segments.join("/")}`;
}

// A file-based metadata route (icon.svg) has no source of its own; Next serves it with GET.
function routeMethods(appPath: string): string[] {
  const source = path.join(APP_DIR, `${appPath}.ts`);
  if (!existsSync(source)) return ["GET"];
  const methods: string[] = [];
  for (const [, method, list] of readFileSync(source, "utf8").matchAll(METHOD_EXPORT)) {
    if (method) methods.push(method);
    for (const [, alias] of (list ?? "").matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)) {
      if (alias) methods.push(alias);
    }
  }
  return methods;
}

// The manifests describe the last build: a page or route added since would be missed, so a
// build that does not match the source tree fails here rather than passing on stale data.
function assertBuildMatchesSource(appPaths: string[]): void {
  const built = new Set(appPaths.map((entry) => entry.slice(1)));
  const inSource = readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .map((file) => file.replace(/\.tsx?$/, ""));
  const missing = inSource.filter((file) => !built.has(file));
  if (missing.length) {
    throw new Error(`The dashboard build is older than its source (${missing.join(", ")}): rebuild it.`);
  }
}
