import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number };

const IDLE = "(idle)";

export type HotFunction = { functionName: string; location: string; selfMs: number; selfPercent: number };
/** A function with the time spent in it and in everything it called (`totalMs`). */
export type CostlyFunction = {
  functionName: string;
  location: string;
  totalMs: number;
  totalPercent: number;
};

/** The .cpuprofile `node --cpu-prof` wrote for `pid` in `dir` (named CPU.<date>.<time>.<pid>.<tid>.<n>). */
export async function findProfile(dir: string, pid: number): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const name = names
    .filter((file) => file.endsWith(".cpuprofile") && file.split(".")[3] === String(pid))
    .sort()
    .at(-1);
  return name ? path.join(dir, name) : undefined;
}

/**
 * The functions with the most self time: each node's hitCount × the mean sample interval,
 * summed by function name and script URL (one function called from many places is one row).
 * Idle samples are left out, and percentages are of the time the proxy was busy.
 */
export async function topSelfTime(
  file: string,
  options: { limit: number; root: string },
): Promise<HotFunction[]> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const hitsOf = (nodes: ProfileNode[]) => nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const sampleCount = hitsOf(profile.nodes);
  const intervalMs = sampleCount > 0 ? (profile.endTime - profile.startTime) / 1000 / sampleCount : 0;
  const busy = profile.nodes.filter((node) => node.callFrame.functionName !== IDLE);
  const busyCount = hitsOf(busy);
  const byFunction = new Map<string, { functionName: string; location: string; hits: number }>();
  for (const node of busy) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName}\u0000${url}`;
    const entry = byFunction.get(key) ?? {
      functionName: functionName || "(anonymous)",
      location: url ? `${shorten(url, options.root)}:${lineNumber + 1}` : "",
      hits: 0,
    };
    entry.hits += node.hitCount ?? 0;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, options.limit)
    .map(({ functionName, location, hits }) => ({
      functionName,
      location,
      selfMs: hits * intervalMs,
      selfPercent: busyCount > 0 ? (100 * hits) / busyCount : 0,
    }));
}

function shorten(url: string, root: string): string {
  const filePath = url.startsWith("file://") ? decodeURIComponent(new URL(url).pathname) : url;
  return filePath.startsWith(root) ? path.relative(root, filePath) : filePath;
}

/**
 * The functions of scripts whose URL contains `under` (the proxy's own bundle) with the most total
 * time: their own samples and those of everything they called, each sample counted once per
 * function however deep the recursion. Self time alone lands in Node's internals (socket writes,
 * streams), so this says which of Gatehouse's steps that time serves. Percentages are of busy time.
 */
export async function topTotalTime(
  file: string,
  options: { limit: number; root: string; under: string },
): Promise<CostlyFunction[]> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, { functionName: string; location: string; hits: number }>();
  let busyHits = 0;
  let allHits = 0;
  // Returns the samples under `node`; `onStack` holds the functions already counted on this path.
  const visit = (node: ProfileNode, onStack: Set<string>): number => {
    const { functionName, url, lineNumber } = node.callFrame;
    const own = node.hitCount ?? 0;
    allHits += own;
    if (functionName !== IDLE) busyHits += own;
    const key = `${functionName}\u0000${url}:${lineNumber}`;
    const counts = url.includes(options.under) && !onStack.has(key);
    if (counts) onStack.add(key);
    let hits = functionName === IDLE ? 0 : own;
    for (const child of node.children ?? []) {
      const childNode = byId.get(child);
      if (childNode) hits += visit(childNode, onStack);
    }
    if (!counts) return hits;
    onStack.delete(key);
    const location = `${shorten(url, options.root)}:${lineNumber + 1}`;
    const entry = totals.get(key) ?? { functionName: functionName || "(anonymous)", location, hits: 0 };
    entry.hits += hits;
    totals.set(key, entry);
    return hits;
  };
  const [root] = profile.nodes;
  if (root) visit(root, new Set());
  const intervalMs = allHits > 0 ? (profile.endTime - profile.startTime) / 1000 / allHits : 0;
  return [...totals.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, options.limit)
    .map(({ functionName, location, hits }) => ({
      functionName,
      location,
      totalMs: hits * intervalMs,
      totalPercent: busyHits > 0 ? (100 * hits) / busyHits : 0,
    }));
}
