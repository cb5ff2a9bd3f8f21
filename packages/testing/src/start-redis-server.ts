import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

const STARTUP_TIMEOUT_MS = 10_000;

export type TestRedis = {
  url: string;
  /** Kills redis-server at once (SIGKILL), as a crash would: connections are cut, new ones refused. */
  crash: () => Promise<void>;
  /** Starts it again on the same port, with everything it had acknowledged. */
  restart: () => Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing is answered, as on a hung host. */
  freeze: () => void;
  thaw: () => void;
  /** Stops it for good and deletes its files. */
  stop: () => Promise<void>;
};

/**
 * A private redis-server on a free port, for tests that take Redis away from the processes
 * using it. Every write is appended to a file fsync'd at once, so a crash loses nothing
 * acknowledged: the durability BullMQ's queues need from a production Redis.
 */
export async function startRedisServer(options: { extraArgs?: string[] } = {}): Promise<TestRedis> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), "gatehouse-redis-"));
  const extraArgs = options.extraArgs ?? [];
  let child = await launchRedis(port, dir, extraArgs);
  return {
    url: `redis://127.0.0.1:${port}`,
    crash: () => stopRedis(child, "SIGKILL"),
    restart: async () => {
      child = await launchRedis(port, dir, extraArgs);
    },
    freeze: () => child.kill("SIGSTOP"),
    thaw: () => child.kill("SIGCONT"),
    stop: async () => {
      child.kill("SIGCONT");
      await stopRedis(child, "SIGTERM");
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function launchRedis(port: number, dir: string, extraArgs: string[]): Promise<ChildProcess> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", ...extraArgs];
  const child = spawn(
    "redis-server",
    [...args, "--appendonly", "yes", "--appendfsync", "always", "--dir", dir],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`redis-server ${reason} (is it installed and on PATH?):\n${output}`));
    };
    const timer = setTimeout(() => fail("did not start in time"), STARTUP_TIMEOUT_MS);
    child.once("error", (error) => fail(`could not run: ${error.message}`));
    child.once("exit", (code) => fail(`exited with ${code}`));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!/Ready to accept connections/.test(output)) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout?.removeAllListeners("data").resume();
      resolve(child);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
  });
}

function stopRedis(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}
