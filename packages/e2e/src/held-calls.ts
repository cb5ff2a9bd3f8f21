import { randomBytes } from "node:crypto";
import type { AccountableActor } from "@gatehouse/core/admin-trail/admin-actor";
import { type OpenApprovalInput, openApprovalRequest } from "@gatehouse/core/approvals/open-approval-request";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { createSecretBox, type SecretBox } from "@gatehouse/core/secrets/secret-box";
import { registerServer } from "@gatehouse/core/servers/register-server";
import type { Db } from "@gatehouse/db/client";
import { uniqueSuffix } from "@gatehouse/testing/test-env";

// Not the stack's queue prefix, so the worker's sweep never takes these requests for a
// stopped proxy's and abandons them: no proxy holds them, the tests stand in for one.
const TEST_HOLDER_ID = "e2e-tests:no-proxy";

/** The stack's encryption key and a SecretBox with it, so tests seal arguments the dashboard can open. */
export function createStackSecrets(): { encryptionKey: string; secretBox: SecretBox } {
  const encryptionKey = randomBytes(32).toString("base64");
  return { encryptionKey, secretBox: createSecretBox(encryptionKey) };
}

export type HoldingGrant = Pick<OpenApprovalInput, "orgId" | "grantId" | "serverId" | "policyId"> & {
  grantName: string;
};

/** A server and a grant in the organisation whose calls a test can hold for approval. */
export async function createHoldingGrant(
  deps: { db: Db; secretBox: SecretBox },
  account: { orgId: string; actor: AccountableActor },
): Promise<HoldingGrant> {
  const { serverId } = await registerServer({
    ...deps,
    orgId: account.orgId,
    actor: account.actor,
    allowStdio: false,
    allowPrivateNetworks: true,
    input: { name: `mlflow ${uniqueSuffix()}`, transport: "streamable_http", url: "http://127.0.0.1:9/mcp" },
  });
  const grantName = `agent ${uniqueSuffix()}`;
  const policy = JSON.stringify({
    version: "1",
    default: "allow",
    tools: { copy_model_version: { action: "require_approval" } },
  });
  const { grantId, policyId } = await createGrant({
    db: deps.db,
    orgId: account.orgId,
    actor: account.actor,
    input: { serverId, name: grantName, policy },
  });
  return { orgId: account.orgId, grantId, serverId, policyId, grantName };
}

/** Records a call held for approval, as the proxy does when a policy asks for a person. */
export function holdCall(
  deps: { db: Db; secretBox: SecretBox },
  grant: HoldingGrant,
  call: Partial<OpenApprovalInput> & Pick<OpenApprovalInput, "args">,
) {
  const { grantName: _grantName, ...scope } = grant;
  return openApprovalRequest(deps, {
    ...scope,
    kind: "tool",
    method: "tools/call",
    name: "copy_model_version",
    policyVersion: 1,
    rule: "/tools/copy_model_version",
    reason: "Copies of model versions need a person.",
    sessionId: `session-${uniqueSuffix()}`,
    holderId: TEST_HOLDER_ID,
    timeoutSeconds: 600,
    reuseWindowSeconds: 900,
    now: new Date(),
    ...call,
  });
}
