import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { serveOpsRequest } from "@gatehouse/core/ops/serve-ops-request";
import { extractGrantToken } from "../auth/extract-grant-token";
import type { ProxyDeps } from "../proxy-deps";
import { answerClientError } from "./answer-client-error";
import { handleMcpRequest } from "./handle-mcp-request";
import { JSON_RPC, sendJsonRpcError } from "./send-json-rpc-error";
import { serveLegacySse } from "./serve-legacy-sse";

// How often Node looks for requests past their headers or request timeout; a timeout
// fires within this long after its deadline (Node's default is 30 s).
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * The proxy's HTTP server: `/g/<token>/mcp` (or `/mcp` with a Bearer token) for Streamable HTTP,
 * `/g/<token>/sse` and `/g/<token>/messages` (or `/sse` and `/messages`) for legacy HTTP+SSE
 * clients, and `/healthz`, `/readyz` and `/metrics` for operators.
 */
export function createHttpServer(deps: ProxyDeps): Server {
  const { limits } = deps;
  // The response each connection is answering, so a late parser error does not write over it.
  const inFlight = new WeakMap<Socket, ServerResponse>();
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      // Times receiving the request only: Node stops the clock once the body has arrived, so
      // SSE streams and calls held for approval are not cut.
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    (req, res) => {
      inFlight.set(req.socket, res);
      res.once("close", () => {
        if (inFlight.get(req.socket) === res) inFlight.delete(req.socket);
      });
      route(deps, req, res);
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) =>
    answerClientError(deps, { error, socket, inFlight: inFlight.get(socket) }),
  );
  return server;
}

function route(deps: ProxyDeps, req: IncomingMessage, res: ServerResponse): void {
  const { pathname } = new URL(req.url ?? "/", "http://proxy.invalid");
  if (serveOpsRequest(deps.ops, { req, res, pathname })) return;
  const lookup = extractGrantToken(req, pathname);
  if (lookup.kind === "not_mcp_path") {
    const message =
      "Not found. MCP clients connect to /g/<token>/mcp, or /mcp with a Bearer token (legacy SSE clients: /g/<token>/sse).";
    sendJsonRpcError(res, { status: 404, code: JSON_RPC.invalidRequest, message });
    return;
  }
  const token = lookup.kind === "token" ? lookup.token : undefined;
  const serving =
    lookup.endpoint === "mcp"
      ? handleMcpRequest(deps, { req, res, token })
      : serveLegacySse(deps, {
          req,
          res,
          token,
          endpoint: lookup.endpoint,
          isTokenInPath: lookup.kind === "token" && lookup.isInPath,
        });
  serving.catch((error: unknown) => {
    deps.logger.error({ err: error, method: req.method }, "unhandled proxy error");
    sendJsonRpcError(res, { status: 500, code: JSON_RPC.internalError, message: "Internal proxy error." });
  });
}
