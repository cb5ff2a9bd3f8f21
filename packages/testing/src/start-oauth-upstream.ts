import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import {
  getOAuthProtectedResourceMetadataUrl,
  mcpAuthRouter,
} from "@modelcontextprotocol/sdk/server/auth/router.js";
import { createMcpExpressApp } from "@modelcontextprotocol/sdk/server/express.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { createFakeOAuthProvider, type FakeOAuthControls } from "./fake-oauth-provider";
import { routeMcpSessions } from "./route-mcp-sessions";

export type OAuthUpstream = FakeOAuthControls & {
  /** The MCP endpoint (Streamable HTTP), which answers 401 without a valid bearer token. */
  url: string;
  /** The authorization server's issuer (the same origin as the MCP endpoint). */
  issuer: string;
  /** How many tool calls reached the server with a valid token. */
  calls: () => number;
  close: () => Promise<void>;
};

// The SDK's own handlers rate-limit by default, which a test running many flows would trip.
const NO_RATE_LIMIT = { rateLimit: false } as const;

/**
 * An MCP server protected by OAuth 2.1, built from the SDK's server auth pieces: protected
 * resource metadata (RFC 9728), authorization server metadata (RFC 8414), dynamic client
 * registration (RFC 7591, unless turned off), PKCE, short-lived access tokens and rotating
 * refresh tokens. Its one tool, `echo`, answers with the message it was given.
 */
export async function startOAuthUpstream(
  options: { accessTokenLifetimeMs?: number; dynamicRegistration?: boolean } = {},
): Promise<OAuthUpstream> {
  const { provider, controls } = createFakeOAuthProvider({
    accessTokenLifetimeMs: options.accessTokenLifetimeMs ?? 60_000,
    dynamicRegistration: options.dynamicRegistration ?? true,
  });
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const address = http.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const mcpUrl = new URL("/mcp", origin);
  let calls = 0;

  const app = createMcpExpressApp({ host: "127.0.0.1" });
  app.use(
    mcpAuthRouter({
      provider,
      issuerUrl: new URL(origin),
      resourceServerUrl: mcpUrl,
      scopesSupported: ["mcp:tools"],
      authorizationOptions: NO_RATE_LIMIT,
      tokenOptions: NO_RATE_LIMIT,
      clientRegistrationOptions: NO_RATE_LIMIT,
    }),
  );
  const bearer = requireBearerAuth({
    verifier: provider,
    resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(mcpUrl),
  });
  const sessions = routeMcpSessions(newServer);
  app.all("/mcp", bearer, (req: IncomingMessage & { body?: unknown }, res: ServerResponse) =>
    sessions.handle(req, res, req.body),
  );
  http.on("request", app);

  function newServer(): Server {
    const server = new Server({ name: "oauth-upstream", version: "1.0.0" }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: [
        {
          name: "echo",
          description: "Echoes the message back.",
          inputSchema: { type: "object", properties: { message: { type: "string" } } },
        },
      ],
    }));
    server.setRequestHandler(CallToolRequestSchema, (request) => {
      calls++;
      return { content: [{ type: "text", text: String(request.params.arguments?.message ?? "") }] };
    });
    return server;
  }

  return {
    ...controls,
    url: mcpUrl.href,
    issuer: `${origin}/`,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        sessions.closeSessions();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
