// A stdio "server" that fails at start-up like the MLflow MCP server without its tracking URI:
// it prints its complaint to stderr and exits (code from argv[2], default 1) before reading stdin.
console.error("Starting…");
console.error(process.argv[3] ?? "Error: MLFLOW_TRACKING_URI environment variable is not set");
process.exit(Number(process.argv[2] ?? 1));
