import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@gatehouse/testing/free-port";
import { type RunningServer, stopChild, waitForOutput } from "@gatehouse/testing/start-everything-server";

const SERVER_ENTRY = fileURLToPath(new URL("../vendor/conformance-everything-server.ts", import.meta.url));

/** Starts the conformance suite's reference "everything" server over Streamable HTTP on a free port. */
export async function startConformanceServer(): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", SERVER_ENTRY], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForOutput(child, /Conformance Test Server running/, "the conformance server").catch(
    async (error: unknown) => {
      await stopChild(child);
      throw error;
    },
  );
  return { url: `http://127.0.0.1:${port}/mcp`, port, stop: () => stopChild(child) };
}
