// The baseline: mcp-proxy (npm) as a plain Streamable HTTP → Streamable HTTP pass-through.
// Its CLI only wraps stdio commands, so this wires its library exactly as that CLI does
// (one upstream client shared by every downstream session, each session served by
// `proxyServer`), with a Streamable HTTP client to the upstream instead of a stdio one.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { Server } from "@modelcontextprotocol/server";
import { proxyServer, startHTTPServer } from "mcp-proxy";

const [upstreamUrl, portText] = process.argv.slice(2);
if (!upstreamUrl || !portText || !process.send) {
  throw new Error("usage (as a child process with IPC): baseline-proxy.ts <upstream-url> <port>");
}
const client = new Client({ name: "mcp-proxy-baseline", version: "1.0.0" }, { capabilities: {} });
await client.connect(new StreamableHTTPClientTransport(new URL(upstreamUrl)));
const serverCapabilities = client.getServerCapabilities() ?? {};
const serverVersion = client.getServerVersion() ?? { name: "upstream", version: "0" };

const http = await startHTTPServer({
  createServer: async () => {
    const server = new Server(serverVersion, { capabilities: serverCapabilities });
    await proxyServer({ client, server, serverCapabilities });
    return server;
  },
  host: "127.0.0.1",
  port: Number(portText),
  streamEndpoint: "/mcp",
  sseEndpoint: null,
  // Gatehouse keeps no replay buffer per session either; with one, each session would hold more.
  eventStore: false,
  modern: false,
});
process.send({ url: `http://127.0.0.1:${portText}/mcp` });

const stop = () => void Promise.allSettled([http.close(), client.close()]).finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("disconnect", stop);
