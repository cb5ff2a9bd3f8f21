import { spawn } from "node:child_process";

/**
 * Runs long-lived services side by side, prefixing their output. When one exits,
 * the others are stopped and the process exits with an error.
 */
export function supervise(services, { cwd, env }) {
  const children = services.map((service) => {
    const child = spawn(service.command, service.args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const prefix = `[${service.name}]`.padEnd(9);
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = "";
      stream.on("data", (chunk) => {
        buffered += chunk.toString();
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
      });
    }
    child.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(`\n✖ ${service.name} exited (${signal ?? `code ${code}`}); stopping the others.`);
      stopAll(1);
    });
    return child;
  });
  let stopping = false;
  function stopAll(exitCode) {
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    setTimeout(() => process.exit(exitCode), 2000).unref();
    Promise.all(
      children.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null)),
    ).then(() => process.exit(exitCode));
  }
  process.once("SIGINT", () => stopAll(0));
  process.once("SIGTERM", () => stopAll(0));
  return children;
}

/** Polls a URL until it answers (any HTTP status) or the deadline passes. */
export async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  return false;
}
