import { createServer, type Server } from "node:http";
import { extractGrantToken } from "../auth/extract-grant-token";
import type { ProxyDeps } from "../proxy-deps";
import { handleMcpRequest } from "./handle-mcp-request";
import { JSON_RPC, sendJsonRpcError } from "./send-json-rpc-error";

/** The proxy's HTTP server: `/g/<token>/mcp`, `/mcp` with a Bearer token, and `/healthz`. */
export function createHttpServer(deps: ProxyDeps): Server {
  return createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://proxy.invalid");
    if (pathname === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
      return;
    }
    const lookup = extractGrantToken(req, pathname);
    if (lookup.kind === "not_mcp_path") {
      const message = "Not found. MCP clients connect to /g/<token>/mcp, or /mcp with a Bearer token.";
      sendJsonRpcError(res, { status: 404, code: JSON_RPC.invalidRequest, message });
      return;
    }
    const token = lookup.kind === "token" ? lookup.token : undefined;
    handleMcpRequest(deps, { req, res, token }).catch((error: unknown) => {
      deps.logger.error({ err: error, method: req.method }, "unhandled proxy error");
      sendJsonRpcError(res, { status: 500, code: JSON_RPC.internalError, message: "Internal proxy error." });
    });
  });
}
