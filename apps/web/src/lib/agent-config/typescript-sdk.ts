import type { AgentClient } from "./agent-endpoint";

/** A runnable ES module: connects over Streamable HTTP and lists the tools the grant allows. */
export const typescriptSdk: AgentClient = {
  id: "typescript-sdk",
  label: "TypeScript SDK",
  where: "Install `@modelcontextprotocol/sdk`, then run this as an ES module (e.g. `agent.mjs`).",
  build: (endpoint) => [
    {
      title: "agent.mjs",
      language: "typescript",
      code: [
        'import { Client } from "@modelcontextprotocol/sdk/client/index.js";',
        'import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";',
        "",
        `const client = new Client({ name: ${JSON.stringify(endpoint.name)}, version: "1.0.0" });`,
        `await client.connect(new StreamableHTTPClientTransport(new URL(${JSON.stringify(endpoint.proxyUrl)})));`,
        "const { tools } = await client.listTools();",
        "console.log(tools.map((tool) => tool.name));",
        "await client.close();",
      ].join("\n"),
    },
  ],
};
