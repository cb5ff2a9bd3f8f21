import { GatehouseError } from "../errors/gatehouse-error";
import { isTimeout, shortMessage } from "./connect-error-details";
import type { ProcessExit } from "./stdio-process-transport";

/** What is known about a stdio server that failed, to explain it. */
export type StdioFailure = {
  command: string;
  /** Its last stderr lines, already cut and redacted. */
  stderr: string[];
  exit: ProcessExit | null;
  timeoutMs: number;
  /** Whether the failure came while connecting or on a later request. */
  during: "initialize" | "session";
};

// Enough of the server's own words to recognise the problem, still one line of a page or audit row.
const QUOTED_LINES = 5;
const QUOTED_CHARS = 600;

/** Explains why a stdio server could not be started, initialized or used, each cause in its own words. */
export function describeStdioError(
  error: unknown,
  failure: Partial<StdioFailure> & { command: string },
): GatehouseError {
  const { command } = failure;
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && error.message === "stdio disabled") {
    return new GatehouseError(
      "forbidden",
      "This Gatehouse does not allow stdio servers. An operator can enable them with GATEHOUSE_ALLOW_STDIO=true.",
    );
  }
  if (code === "ENOENT") {
    return new GatehouseError(
      "upstream_unreachable",
      `The command "${command}" was not found on the gateway's host. Check its spelling and that it is installed on the gateway's PATH, or give its full path.`,
      { cause: error },
    );
  }
  if (code === "EACCES" || code === "EPERM") {
    return new GatehouseError(
      "upstream_failed",
      `The gateway may not run "${command}" (permission denied). Check that the file is executable (chmod +x) by the user Gatehouse runs as.`,
      { cause: error },
    );
  }
  const output = lastOutput(failure.stderr ?? []);
  if (isTimeout(error)) return describeTimeout(error, failure, output);
  if (failure.exit) return describeExit(error, failure.exit, failure, output);
  return new GatehouseError(
    "upstream_failed",
    `The stdio server ("${command}") failed before completing MCP initialisation (${shortMessage(error)}). ${output}.`,
    { cause: error },
  );
}

function describeExit(
  error: unknown,
  exit: ProcessExit,
  failure: Partial<StdioFailure> & { command: string },
  output: string,
): GatehouseError {
  const ended = exit.code !== null ? `exited with code ${exit.code}` : `was stopped by ${exit.signal}`;
  const message =
    failure.during === "session"
      ? `The stdio server ${ended} while Gatehouse was using it. ${output} — check its command ("${failure.command}") and environment.`
      : `The stdio server ${ended} before answering initialize. ${output} — check its command ("${failure.command}") and environment (e.g. MLFLOW_TRACKING_URI).`;
  return new GatehouseError("upstream_failed", message, { cause: error });
}

function describeTimeout(
  error: unknown,
  failure: Partial<StdioFailure> & { command: string },
  output: string,
): GatehouseError {
  const within = failure.timeoutMs ? `within ${failure.timeoutMs / 1000} s` : "in time";
  const message =
    failure.during === "session"
      ? `The stdio server ("${failure.command}") did not answer ${within}. ${output}.`
      : `The stdio server ("${failure.command}") started but did not answer initialize ${within}. ${output} — check that the command starts an MCP server speaking stdio (some need an argument such as "stdio") rather than waiting for input or serving HTTP.`;
  return new GatehouseError("upstream_unreachable", message, { cause: error });
}

function lastOutput(stderr: string[]): string {
  if (!stderr.length) return "It printed nothing";
  const quoted = stderr.slice(-QUOTED_LINES).join(" | ");
  return `Its last output: ${quoted.length > QUOTED_CHARS ? `…${quoted.slice(-QUOTED_CHARS)}` : quoted}`;
}
