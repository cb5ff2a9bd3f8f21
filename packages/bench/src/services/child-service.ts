import { type ChildProcess, fork, type Serializable, spawn } from "node:child_process";
import { stopChild } from "@gatehouse/testing/start-everything-server";

const READY_TIMEOUT_MS = 30_000;
const LOG_TAIL_CHARS = 20_000;

export type ChildService = {
  name: string;
  child: ChildProcess;
  pid: number;
  /** The tail of its stdout and stderr, for a failure message. */
  logs: () => string;
  stop: () => Promise<void>;
};

function track(name: string, child: ChildProcess): ChildService {
  let output = "";
  const append = (chunk: Buffer) => {
    output = `${output}${chunk.toString()}`.slice(-LOG_TAIL_CHARS);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  if (child.pid === undefined) throw new Error(`${name} did not start.`);
  return { name, child, pid: child.pid, logs: () => output, stop: () => stopChild(child) };
}

/**
 * Forks one of this package's TypeScript entries (under tsx) with an IPC channel and waits
 * for its first message, which says it is ready (and, e.g., where it listens).
 */
export async function forkEntry<T extends Serializable>(
  name: string,
  entry: string,
  args: string[] = [],
): Promise<{ service: ChildService; ready: T }> {
  const child = fork(entry, args, {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const service = track(name, child);
  const ready = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} was not ready in time:\n${service.logs()}`)),
      READY_TIMEOUT_MS,
    );
    child.once("message", (message) => {
      clearTimeout(timer);
      resolve(message as T);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${service.logs()}`));
    });
  });
  return { service, ready };
}

/** Spawns `node <args>` (a built bundle) and, when given, waits until `readyUrl` answers. */
export async function spawnNode(
  name: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; readyUrl?: string },
): Promise<ChildService> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const service = track(name, child);
  if (options.readyUrl && !(await waitForHttp(options.readyUrl, child))) {
    await service.stop();
    throw new Error(`${name} did not answer ${options.readyUrl} in time:\n${service.logs()}`);
  }
  return service;
}

async function waitForHttp(url: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
