import type { Logger } from "../logging/create-logger";
import { createStderrLog } from "./stderr-log";
import { StdioProcessTransport } from "./stdio-process-transport";
import type { UpstreamConfig } from "./upstream-config";

type StdioConfig = Extract<UpstreamConfig, { transport: "stdio" }>;

/** A transport to a stdio server whose stderr goes to the log, line by line, without its env values. */
export function createStdioTransport(
  config: StdioConfig,
  options: { logger?: Logger; serverId?: string },
): { transport: StdioProcessTransport; stderr: () => string[] } {
  let transport: StdioProcessTransport | undefined;
  const stderr = createStderrLog({
    logger: options.logger,
    serverId: options.serverId,
    pid: () => transport?.pid,
    secrets: Object.values(config.env),
  });
  transport = new StdioProcessTransport({
    command: config.command,
    args: config.args,
    env: config.env,
    onStderr: stderr.write,
  });
  return { transport, stderr: stderr.tail };
}
