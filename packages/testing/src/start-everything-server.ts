import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { freePort } from "./free-port";

export type RunningServer = { url: string; port: number; stop: () => Promise<void> };

const require = createRequire(import.meta.url);
const STARTUP_TIMEOUT_MS = 15_000;

// Each HTTP transport's start-up line and endpoint path.
const HTTP_TRANSPORTS = {
  streamableHttp: { ready: /listening on port/i, path: "/mcp" },
  sse: { ready: /running on port/i, path: "/sse" },
};

/** Starts the real `@modelcontextprotocol/server-everything` over Streamable HTTP (or legacy SSE) on a free port. */
export async function startEverythingServer(
  transport: keyof typeof HTTP_TRANSPORTS = "streamableHttp",
): Promise<RunningServer> {
  const entry = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
  const port = await freePort();
  const child = spawn(process.execPath, [entry, transport], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForOutput(child, HTTP_TRANSPORTS[transport].ready);
  return {
    url: `http://127.0.0.1:${port}${HTTP_TRANSPORTS[transport].path}`,
    port,
    stop: () => stopChild(child),
  };
}

/** Resolves once a child process prints a line matching `pattern`; rejects if it exits or stalls first. */
export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  name = "server-everything",
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${output}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${output}`));
    });
  });
}

/** Stops a child process, waiting for it to exit. */
export function stopChild(child: ChildProcess): Promise<void> {
  // A child killed by a signal has no exit code, only a signal code; both mean it is gone.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
