import type { AgentClient } from "./agent-endpoint";

/**
 * The Python SDK's `streamable_http_client` (it replaced the deprecated `streamablehttp_client`).
 * A JSON string is also a valid Python string literal, so values are quoted with JSON.stringify.
 */
export const pythonSdk: AgentClient = {
  id: "python-sdk",
  label: "Python SDK",
  where: "Install a recent `mcp` package (`pip install mcp`), then run this script.",
  build: (endpoint) => [
    {
      title: "agent.py",
      language: "python",
      code: [
        "import asyncio",
        "",
        "from mcp import ClientSession",
        "from mcp.client.streamable_http import streamable_http_client",
        "",
        `GATEHOUSE_URL = ${JSON.stringify(endpoint.proxyUrl)}`,
        "",
        "",
        "async def main() -> None:",
        "    async with streamable_http_client(GATEHOUSE_URL) as (read, write, _):",
        "        async with ClientSession(read, write) as session:",
        "            await session.initialize()",
        "            result = await session.list_tools()",
        "            print([tool.name for tool in result.tools])",
        "",
        "",
        "asyncio.run(main())",
      ].join("\n"),
    },
  ],
};
