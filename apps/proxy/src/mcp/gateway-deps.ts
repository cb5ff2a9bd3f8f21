import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import type { ApprovalDeps } from "../approvals/hold-for-approval";
import type { AuditedGrant } from "../audit/build-audit-event";
import type { Caller } from "../audit/caller";
import type { CatalogueSyncRequester } from "../catalogue/catalogue-sync-requester";
import type { DriftRegistry } from "../catalogue/drift-registry";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import type { RateLimiter } from "../limits/rate-limiter";
import type { AgentRequests } from "../relay/agent-requests";

/** What one agent session's MCP handlers work with. */
export type GatewayDeps = {
  /** The grant that opened the session, as audit events name it when its current state cannot be read. */
  sessionGrant: AuditedGrant;
  /** The session's grant as it is now (policy edits and revocation apply on the next call). */
  currentGrant: () => Promise<GrantSnapshot | null>;
  upstream: Client;
  rateLimiter: RateLimiter;
  recordAudit: (event: AuditEvent) => void;
  logger: Logger;
  upstreamTimeoutMs: number;
  drift: DriftRegistry;
  requestSync: CatalogueSyncRequester;
  approvals: ApprovalDeps;
  now: () => number;
  /** The agent requests the session is forwarding, so what the upstream sends meanwhile reaches the right one. */
  agentRequests: AgentRequests;
};

/** The agent's MCP request being answered: its session, cancellation signal, progress token, and the channel back to the agent that travels with its answer. */
export type RequestContext = Pick<
  RequestHandlerExtra<ServerRequest, ServerNotification>,
  "sessionId" | "signal" | "_meta" | "sendNotification" | "sendRequest"
> & {
  /** Who sent the request, as its audit event records it. */
  caller: Caller;
  /** When the gateway took up the request; its audit event's latency runs from here. */
  receivedAtMs: number;
};

/** The grant of a live session whose policy parsed: what every handler needs to decide. */
export type LiveGrant = GrantSnapshot & { policy: NonNullable<GrantSnapshot["policy"]> };
