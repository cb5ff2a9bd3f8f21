import type { UpstreamConfig } from "@gatehouse/core/upstream/upstream-config";
import type { Policy } from "@gatehouse/policy/policy-schema";

/** What the proxy needs to enforce one grant, loaded once and cached. */
export type GrantSnapshot = {
  grantId: string;
  orgId: string;
  serverId: string;
  serverName: string;
  tokenHash: string;
  grantName: string;
  isRevoked: boolean;
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
