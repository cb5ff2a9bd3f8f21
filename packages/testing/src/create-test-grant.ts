import { createGrant } from "@gatehouse/core/grants/create-grant";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { registerServer } from "@gatehouse/core/servers/register-server";
import type { Db } from "@gatehouse/db/client";
import { createTestAccount } from "./create-test-account";
import { TEST_ENCRYPTION_KEY, uniqueSuffix } from "./test-env";

/**
 * A fresh organisation with one registered (never contacted) server and one grant on it,
 * for tests that need rows hanging off a grant (approval requests, audit events).
 */
export async function createTestGrant(
  db: Db,
  label = "grant",
  policy = '{ "version": "1", "default": "allow" }',
) {
  const account = await createTestAccount(db, label);
  const { serverId } = await registerServer({
    db,
    secretBox: createSecretBox(TEST_ENCRYPTION_KEY),
    orgId: account.orgId,
    actor: account.actor,
    allowStdio: false,
    allowPrivateNetworks: true,
    input: {
      name: `${label} ${uniqueSuffix()}`,
      transport: "streamable_http",
      url: "http://127.0.0.1:9/mcp",
    },
  });
  const { grantId, policyId, token } = await createGrant({
    db,
    orgId: account.orgId,
    actor: account.actor,
    input: { serverId, name: `${label} agent`, policy },
  });
  return { ...account, serverId, grantId, policyId, token };
}
