// A process that reads stdin and never answers, like a command that is not an MCP server at all.
console.error("waiting for something that is not JSON-RPC");
process.stdin.resume();
setInterval(() => undefined, 60_000);
