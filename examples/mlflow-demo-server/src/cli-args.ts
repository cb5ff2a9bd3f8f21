import { parseArgs } from "node:util";
import { z } from "zod";

export const DEFAULT_HTTP_PORT = 3950;

const CliArgsSchema = z.object({
  transport: z.enum(["stdio", "http"]).default("stdio"),
  port: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_HTTP_PORT),
  host: z.string().min(1).default("127.0.0.1"),
});

export type CliArgs = z.output<typeof CliArgsSchema>;

export const USAGE = "Usage: mlflow-demo-server [--transport stdio|http] [--port 3950] [--host 127.0.0.1]";

/** Parses `--transport stdio|http`, `--port` and `--host`; throws with a readable message on bad input. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      transport: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
    },
    strict: true,
  });
  const parsed = CliArgsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${problems.join("; ")}\n${USAGE}`);
  }
  return parsed.data;
}
