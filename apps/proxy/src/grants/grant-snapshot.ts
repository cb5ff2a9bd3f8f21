import type { UpstreamConfig } from "@gatehouse/core/upstream/upstream-config";
import type { Policy } from "@gatehouse/policy/policy-schema";

/** What the proxy needs to enforce one grant, loaded once and cached. */
export type GrantSnapshot = {
  grantId: string;
  orgId: string;
  serverId: string;
  serverName: string;
  /** The hash of the token this snapshot was loaded for: the grant's current one, or the one a rotation replaced. */
  tokenHash: string;
  grantName: string;
  isRevoked: boolean;
  /** When the grant stops working (its expiry), or null when it does not expire. */
  expiresAtMs: number | null;
  /** When this token stops working: the end of its grace period after a rotation; null for the current token. */
  tokenExpiresAtMs: number | null;
  policyId: string;
  policyVersion: number;
  /** Null when the stored policy no longer parses: every call is then denied (fail closed). */
  policy: Policy | null;
  upstream: UpstreamConfig;
  /** The server's catalogued tools by name: risk category, and whether a change awaits approval. */
  tools: ReadonlyMap<string, CataloguedTool>;
};

/** What the proxy knows about one catalogued tool. */
export type CataloguedTool = {
  category: string | undefined;
  definitionHash: string;
  /** False while the tool's definition changed and no person has approved the new one. */
  isApproved: boolean;
};
