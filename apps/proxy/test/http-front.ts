import { createServer, request as httpRequest, type ServerResponse } from "node:http";
import type { RunningServer } from "@gatehouse/testing/start-everything-server";

/** Looks at a request's body first: answers it itself and returns true, or returns false to pass it on. */
export type Intercept = (body: Buffer, res: ServerResponse) => boolean;

/** An HTTP front for an upstream MCP server: what `intercept` does not answer passes through unchanged. */
export async function startHttpFront(target: string, intercept: Intercept): Promise<RunningServer> {
  const targetUrl = new URL(target);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (intercept(body, res)) return;
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
