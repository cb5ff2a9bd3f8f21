import { parseCliArgs } from "./cli-args";
import { parseEnv } from "./env";
import { startMlflowDemoServer } from "./start-http";
import { startStdioServer } from "./start-stdio";

/** Entry point: `mlflow-demo-server [--transport stdio|http] [--port 3950] [--host 127.0.0.1]`. */
async function main(): Promise<void> {
  // Checked before anything else, so a client sees the process exit before initialize.
  const envResult = parseEnv(process.env);
  if (!envResult.ok) {
    process.stderr.write(`${envResult.message}\n`);
    process.exit(1);
  }
  const { trackingUri } = envResult.env;
  const args = parseCliArgs(process.argv.slice(2));
  if (args.transport === "stdio") {
    await startStdioServer({ trackingUri });
    process.stderr.write(`MLflow MCP server (demo) initialized with tracking URI: ${trackingUri}\n`);
    return;
  }
  const server = await startMlflowDemoServer({ port: args.port, host: args.host, trackingUri });
  process.stderr.write(
    `MLflow MCP server (demo) listening on ${server.url} with tracking URI: ${trackingUri}\n`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.stop().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
