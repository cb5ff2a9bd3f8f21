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
  /** Catalogued risk category of each of the server's tools, for the policy's `categories` section. */
  toolCategories: ReadonlyMap<string, string>;
};
