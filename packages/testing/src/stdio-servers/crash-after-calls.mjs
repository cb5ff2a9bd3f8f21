// A stdio MCP server whose tool `whoami` answers with its pid, and which crashes (exit code 3) on
// tool call number CRASH_AFTER_CALLS + 1, counted per process; `print` writes a line to stderr.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const crashAfter = Number(process.env.CRASH_AFTER_CALLS ?? Number.POSITIVE_INFINITY);
let calls = 0;
const server = new Server({ name: "crash-after-calls", version: "1.0.0" }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, () => ({
  tools: [
    { name: "whoami", description: "Answers with the process id.", inputSchema: { type: "object" } },
    {
      name: "print",
      description: "Writes its text to stderr.",
      inputSchema: { type: "object", properties: { text: { type: "string" } } },
    },
  ],
}));
server.setRequestHandler(CallToolRequestSchema, (request) => {
  calls++;
  if (calls > crashAfter) {
    console.error(`crashing on call ${calls}`);
    process.exit(3);
  }
  if (request.params.name === "print") console.error(String(request.params.arguments?.text ?? ""));
  return { content: [{ type: "text", text: String(process.pid) }] };
});
console.error(`crash-after-calls ready (pid ${process.pid})`);
await server.connect(new StdioServerTransport());
