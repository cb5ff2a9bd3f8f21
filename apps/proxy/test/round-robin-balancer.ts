import { createServer, request } from "node:http";

/** One request the balancer passed on: to which target, for which session. */
export type Routed = { method: string; target: number; sessionId: string | undefined };

export type Balancer = {
  url: string;
  /** Every request passed on, in order. */
  routed: Routed[];
  /** The target the next request goes to. */
  nextTarget: () => number;
  stop: () => Promise<void>;
};

/**
 * A load balancer with no stickiness at all: each request goes to the next target in turn,
 * its answer streamed back (SSE included), and an agent hanging up ends the forwarded request.
 * `targets` is read on each request, so a test can take a stopped proxy out of the rotation.
 */
export async function startRoundRobinBalancer(targets: string[], firstTarget = 0): Promise<Balancer> {
  const routed: Routed[] = [];
  let next = firstTarget;
  const server = createServer((req, res) => {
    const target = next % targets.length;
    next = target + 1;
    const sessionId = req.headers["mcp-session-id"];
    routed.push({
      method: req.method ?? "?",
      target,
      sessionId: typeof sessionId === "string" ? sessionId : undefined,
    });
    const forwarded = request(new URL(req.url ?? "/", targets[target]), {
      method: req.method,
      headers: req.headers,
    });
    forwarded.on("response", (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.flushHeaders();
      answer.pipe(res);
    });
    forwarded.on("error", () => res.destroy());
    res.once("close", () => {
      if (!res.writableFinished) forwarded.destroy();
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    routed,
    nextTarget: () => next % targets.length,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
