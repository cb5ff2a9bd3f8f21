import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { saveWebhook } from "@gatehouse/core/webhooks/save-webhook";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { holdCall } from "../held-calls";
import { markToolChanged } from "./access-fixtures";
import type { Context } from "./coverage-builders";

export const DOCUMENT = JSON.stringify({ version: "1", default: "deny", tools: { echo: {} } });
const asOwner = ({ fx, db, secretBox }: Context) => ({
  db,
  secretBox,
  orgId: fx.orgId,
  actor: fx.owner.actor,
});

// Fresh resources for calls that use one up, made in org A as its owner.
export const freshPolicy = async (context: Context) => {
  const input = { name: `fresh ${uniqueSuffix()}`, serverId: context.fx.serverId, document: DOCUMENT };
  return { policyId: (await createPolicy({ ...asOwner(context), input })).policyId };
};
export const freshGrant = async (context: Context) => {
  const input = {
    name: `fresh ${uniqueSuffix()}`,
    serverId: context.fx.serverId,
    policyId: context.fx.policyId,
  };
  return { grantId: (await createGrant({ ...asOwner(context), input })).grantId };
};
export const freshApproval = async (context: Context) => {
  const { fx } = context;
  const grant = {
    orgId: fx.orgId,
    grantId: fx.grantId,
    serverId: fx.serverId,
    policyId: fx.policyId,
    grantName: "",
  };
  return { approvalId: (await holdCall(context, grant, { args: {} })).id };
};
export const freshApiKey = async (context: Context) => ({
  apiKeyId: (await createApiKey({ ...asOwner(context), name: `fresh ${uniqueSuffix()}` })).apiKeyId,
});
export const changedTool = async (context: Context) => {
  await markToolChanged(context.db, context.fx.toolId);
  return {};
};
export const webhook = async (context: Context) => {
  const url = `http://127.0.0.1:9/hooks/${context.fx.webhookToken}`;
  await saveWebhook({ ...asOwner(context), url, allowPrivateNetworks: true });
  // Enabled as well, as an earlier call may have disabled it and a test message needs it on.
  await context.db.webhookEndpoint.update({ where: { orgId: context.fx.orgId }, data: { isEnabled: true } });
  return {};
};

/** The grant's token and expiry (a fresh one's, when the call made one): a refused call leaves them. */
export const grantTokenState = ({ db, fx, fresh }: Context) =>
  db.grant.findUniqueOrThrow({
    where: { id: fresh.grantId ?? fx.grantId },
    select: { tokenHash: true, previousTokenHash: true, expiresAt: true },
  });

/** The server's sealed headers: a refused call leaves even their ciphertext as it was. */
export const serverCredentials = ({ db, fx }: Context) =>
  db.mcpServer.findUniqueOrThrow({ where: { id: fx.serverId }, select: { headersEncrypted: true } });

let expiryMinutes = 0;
/** A new future expiry for each call, so every allowed call really changes the grant. */
export const nextExpiry = () => new Date(Date.UTC(2099, 0, 1) + ++expiryMinutes * 60_000);
