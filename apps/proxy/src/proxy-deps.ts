import type { Agent } from "node:http";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { OpsEndpoints } from "@gatehouse/core/ops/serve-ops-request";
import type { StdioPool } from "@gatehouse/core/upstream/stdio-pool";
import type { UpstreamAuthorization } from "@gatehouse/core/upstream-auth/upstream-authorization";
import type { ApprovalDeps } from "./approvals/hold-for-approval";
import type { AuditSink } from "./audit/audit-sink";
import type { CatalogueSyncRequester } from "./catalogue/catalogue-sync-requester";
import type { DriftRegistry } from "./catalogue/drift-registry";
import type { GrantCache } from "./grants/grant-cache";
import type { HttpLimits } from "./http/http-limits";
import type { OpenResponses } from "./http/open-responses";
import type { RateLimiter } from "./limits/rate-limiter";
import type { SessionDirectory } from "./sessions/session-directory";
import type { SessionRegistry } from "./sessions/session-registry";

/** Everything the proxy's request handling needs, created once per process (or per test). */
export type ProxyDeps = {
  grants: GrantCache;
  /** Notes that a grant was just used (for its "last used" time); never waits and never throws. */
  recordGrantUse: (grantId: string) => void;
  sessions: SessionRegistry;
  /** Which proxy holds each Streamable HTTP session, so any proxy can relay a request to it. */
  sessionDirectory: SessionDirectory;
  /** Keeps connections to the other proxies open between relayed requests. */
  relayAgent: Agent;
  /** How many bytes of SSE messages each session keeps for resumption (GATEHOUSE_SESSION_REPLAY_BYTES). */
  replayBytesPerSession: number;
  rateLimiter: RateLimiter;
  audit: AuditSink;
  logger: Logger;
  allowStdio: boolean;
  /** Pooled stdio processes, and which servers are pooled (GATEHOUSE_STDIO_LIFECYCLE / _POOLED_SERVERS). */
  stdio: { pool: StdioPool; isPooled: (serverId: string) => boolean };
  /** Whether upstreams may be at private or loopback addresses (GATEHOUSE_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
  /** Whether X-Forwarded-For names the client's address (set only behind a trusted reverse proxy). */
  trustProxy: boolean;
  /** Browser origins allowed to call the proxy (GATEHOUSE_PROXY_ALLOWED_ORIGINS). */
  allowedOrigins: ReadonlySet<string>;
  upstreamTimeoutMs: number;
  /** The bearer token source for a server that uses OAuth (undefined for one that does not); throws when it needs reconnecting. */
  upstreamAuthorization: (server: {
    orgId: string;
    serverId: string;
  }) => Promise<UpstreamAuthorization | undefined>;
  /** What one HTTP request may cost: body and header sizes, timeouts, JSON depth and string lengths. */
  limits: HttpLimits;
  drift: DriftRegistry;
  requestSync: CatalogueSyncRequester;
  approvals: ApprovalDeps;
  responses: OpenResponses;
  now: () => number;
  /** `/healthz`, `/readyz` and `/metrics`. */
  ops: OpsEndpoints;
};
