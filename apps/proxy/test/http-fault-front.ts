import { createServer, request as httpRequest } from "node:http";
import type { RunningServer } from "@gatehouse/testing/start-everything-server";

/**
 * An HTTP front for an upstream MCP server that answers `tools/call` of one tool with an HTTP
 * error (as a failing load balancer would) and passes everything else through unchanged.
 */
export async function startHttpFaultFront(
  target: string,
  fault: { tool: string; status: number },
): Promise<RunningServer> {
  const targetUrl = new URL(target);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (callsTool(body, fault.tool)) {
      res.writeHead(fault.status, { "content-type": "text/plain" }).end("unavailable");
      return;
    }
    const options = { host: targetUrl.hostname, port: targetUrl.port, path: targetUrl.pathname };
    const forwarded = httpRequest({ ...options, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on("error", () => res.destroy());
    forwarded.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function callsTool(body: Buffer, tool: string): boolean {
  try {
    const message = JSON.parse(body.toString("utf8")) as { method?: string; params?: { name?: string } };
    return message.method === "tools/call" && message.params?.name === tool;
  } catch {
    return false;
  }
}
