import { createServer, request as httpRequest } from "node:http";
import type { RunningServer } from "@gatehouse/testing/start-everything-server";

export type RecordingFront = RunningServer & {
  /** Every request body the upstream behind it has received, in order. */
  bodies: () => string[];
};

/** An HTTP front for an upstream MCP server that records every request body passing through it unchanged. */
export async function startRecordingFront(target: string): Promise<RecordingFront> {
  const targetUrl = new URL(target);
  const bodies: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    bodies.push(body.toString("utf8"));
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
    bodies: () => [...bodies],
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
