import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

type ProfileNode = {
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number };

const IDLE = "(idle)";

export type HotFunction = { functionName: string; location: string; selfMs: number; selfPercent: number };

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
