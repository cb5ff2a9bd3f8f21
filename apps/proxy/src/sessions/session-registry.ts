import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import type { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { closeUpstream } from "../transports/close-upstream";

/** How an agent's session reaches it: Streamable HTTP, or the legacy HTTP+SSE stream (protocol 2024-11-05). */
export type SessionChannel =
  | { kind: "streamable"; transport: StreamableHTTPServerTransport }
  | { kind: "legacy_sse"; transport: SSEServerTransport };

/** One agent's MCP session: its transport, the gateway server and the upstream client behind it. */
export type GatewaySession = SessionChannel & {
  id: string;
  grantId: string;
  tokenHash: string;
  server: Server;
  upstream: Client;
  lastSeenMs: number;
};

/** The sessions this proxy process holds, closed when idle, on DELETE, or when their grant is revoked. */
export class SessionRegistry {
  private readonly sessions = new Map<string, GatewaySession>();

  add(session: GatewaySession): void {
    this.sessions.set(session.id, session);
  }

  get(id: string): GatewaySession | undefined {
    return this.sessions.get(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Closes one session and its upstream connection, ending the upstream's session too. */
  async close(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    await Promise.allSettled([session.server.close(), closeUpstream(session.upstream)]);
  }

  /** Closes the sessions of a grant whose token has ended (after revocation or rotation). */
  async closeGrantSessions(
    grantId: string,
    isTokenEnded: (tokenHash: string) => Promise<boolean>,
  ): Promise<void> {
    const ofGrant = [...this.sessions.values()].filter((s) => s.grantId === grantId);
    const ended = await Promise.all(ofGrant.map((s) => isTokenEnded(s.tokenHash)));
    await Promise.all(ofGrant.filter((_, index) => ended[index]).map((s) => this.close(s.id)));
  }

  /** Closes sessions not used for `idleMs`. */
  async closeIdle(nowMs: number, idleMs: number): Promise<number> {
    const idle = [...this.sessions.values()].filter((s) => nowMs - s.lastSeenMs > idleMs);
    await Promise.all(idle.map((s) => this.close(s.id)));
    return idle.length;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }
}
