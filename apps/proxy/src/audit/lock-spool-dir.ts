import { readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";

const LOCK_FILE = "proxy.lock";
// Directories locked by this process, since its own pid in a lock file may be a stale one from
// an earlier process (a container's proxy is pid 1 on every start).
const lockedHere = new Set<string>();

/**
 * Claims a spool directory for this process: two proxies sharing one would replay each
 * other's events. A lock left by a process that is gone is taken over. Returns `unlock`.
 */
export async function lockSpoolDir(dir: string): Promise<() => Promise<void>> {
  const resolved = path.resolve(dir);
  const file = path.join(resolved, LOCK_FILE);
  const holder = lockedHere.has(resolved) ? process.pid : await claim(file);
  if (holder !== undefined) {
    throw new GatehouseError(
      "misconfigured",
      `The audit spool directory ${resolved} is in use by another proxy (pid ${holder}). Give each proxy process its own GATEHOUSE_AUDIT_SPOOL_DIR.`,
    );
  }
  lockedHere.add(resolved);
  return async () => {
    lockedHere.delete(resolved);
    await unlink(file).catch(() => undefined);
  };
}

/** Writes the lock file; returns the pid of a live process already holding it. */
async function claim(file: string): Promise<number | undefined> {
  try {
    await writeFile(file, String(process.pid), { flag: "wx" });
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const holder = Number.parseInt(await readFile(file, "utf8"), 10);
  if (holder !== process.pid && isAlive(holder)) return holder;
  await writeFile(file, String(process.pid));
  return undefined;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
