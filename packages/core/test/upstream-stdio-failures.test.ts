import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectUpstream } from "@gatehouse/core/upstream/connect-upstream";
import type { UpstreamConfig } from "@gatehouse/core/upstream/upstream-config";
import { capturingLogger } from "@gatehouse/testing/capturing-logger";
import {
  mlflowDemoServer,
  type StdioServerCommand,
  stdioScript,
} from "@gatehouse/testing/stdio-test-servers";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { describe, expect, it } from "vitest";
import { gatehouseFailure } from "./test-support";

function stdio(server: StdioServerCommand): UpstreamConfig {
  return { transport: "stdio", env: {}, ...server };
}

function connect(config: UpstreamConfig, timeoutMs = 5_000, logger = capturingLogger().logger) {
  return connectUpstream(config, {
    timeoutMs,
    allowStdio: true,
    allowPrivateNetworks: false,
    logger,
    serverId: "srv_test",
  });
}

describe("a stdio upstream that cannot be used is explained, one cause at a time", () => {
  it("the MLflow stand-in without MLFLOW_TRACKING_URI exits before initialize, quoted with its code", async () => {
    const config = stdio(mlflowDemoServer());
    const failure = await gatehouseFailure(connect(config));
    expect(failure).toEqual({
      code: "upstream_failed",
      message: `The stdio server exited with code 1 before answering initialize. Its last output: Error: MLFLOW_TRACKING_URI environment variable is not set | Set it to your MLflow tracking server (e.g. http://localhost:5000); this demo server accepts any value, such as memory://demo. — check its command ("${process.execPath}") and environment (e.g. MLFLOW_TRACKING_URI).`,
      fieldErrors: [],
    });
  });

  it("an exit code other than 1 is named, and the last lines are joined on one line", async () => {
    const failure = await gatehouseFailure(
      connect(stdio(stdioScript("exit-early", ["7", "no config file"]))),
    );
    expect(failure.message).toMatch(
      /^The stdio server exited with code 7 before answering initialize\. Its last output: Starting… \| no config file — check its command/,
    );
    expect(failure.message).not.toContain("\n");
  });

  it("a command that does not exist was not found", async () => {
    const command = `gatehouse-no-such-command-${uniqueSuffix()}`;
    const failure = await gatehouseFailure(connect({ transport: "stdio", command, args: [], env: {} }));
    expect(failure).toMatchObject({
      code: "upstream_unreachable",
      message: `The command "${command}" was not found on the gateway's host. Check its spelling and that it is installed on the gateway's PATH, or give its full path.`,
    });
  });

  it("a file the gateway may not execute is a permission problem", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gatehouse-stdio-"));
    const command = path.join(dir, "not-executable.sh");
    await writeFile(command, "#!/bin/sh\necho hi\n");
    await chmod(command, 0o644);
    const failure = await gatehouseFailure(connect({ transport: "stdio", command, args: [], env: {} }));
    expect(failure).toMatchObject({
      code: "upstream_failed",
      message: `The gateway may not run "${command}" (permission denied). Check that the file is executable (chmod +x) by the user Gatehouse runs as.`,
    });
  });

  it("a process that never answers times out, and is stopped", async () => {
    const config = stdio(stdioScript("never-answers"));
    const startedAt = Date.now();
    const failure = await gatehouseFailure(connect(config, 1_000));
    expect(failure).toEqual({
      code: "upstream_unreachable",
      message: `The stdio server ("${process.execPath}") started but did not answer initialize within 1 s. Its last output: waiting for something that is not JSON-RPC — check that the command starts an MCP server speaking stdio (some need an argument such as "stdio") rather than waiting for input or serving HTTP.`,
      fieldErrors: [],
    });
    expect(Date.now() - startedAt).toBeLessThan(8_000);
  });
});

describe("a stdio server's stderr", () => {
  it("is logged line by line with the server id, pid and stream, and never with env values", async () => {
    const { logger, entries } = capturingLogger();
    const config = stdio({
      ...stdioScript("exit-early", ["1", "token is sk-live-S3CRET-value"]),
      env: { API_TOKEN: "sk-live-S3CRET-value" },
    });
    const failure = await gatehouseFailure(connect(config, 5_000, logger));
    expect(failure.message).toContain("token is [redacted]");
    expect(failure.message).not.toContain("S3CRET");
    const lines = entries().filter((entry) => entry.msg === "stdio server stderr");
    expect(lines.map((entry) => entry.line)).toEqual(["Starting…", "token is [redacted]"]);
    for (const entry of lines) {
      expect(entry).toMatchObject({ serverId: "srv_test", stream: "stderr", pid: expect.any(Number) });
    }
    expect(JSON.stringify(entries())).not.toContain("S3CRET");
  });
});
