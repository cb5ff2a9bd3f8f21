import { spawn } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { describe, expect, it } from "vitest";
import { MISSING_TRACKING_URI_MESSAGE } from "../src/env";
import { BIN_PATH } from "./connect-client";

/** The environment without MLFLOW_TRACKING_URI, whatever the test runner inherited. */
function envWithoutTrackingUri(): NodeJS.ProcessEnv {
  const { MLFLOW_TRACKING_URI: _omitted, ...rest } = process.env;
  return rest;
}

describe("without MLFLOW_TRACKING_URI (like the real server)", () => {
  it("exits with code 1 before initialize and says why on stderr", async () => {
    const child = spawn(process.execPath, [BIN_PATH], {
      env: envWithoutTrackingUri(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(MISSING_TRACKING_URI_MESSAGE);
    expect(stdout).toBe("");
  });

  it("makes the SDK client's connect fail", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN_PATH],
      env: { MLFLOW_TRACKING_URI: "" },
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const client = new Client({ name: "mlflow-demo-server-test", version: "1.0.0" });
    await expect(client.connect(transport)).rejects.toThrow();
    expect(stderr).toContain(MISSING_TRACKING_URI_MESSAGE);
  });
});
