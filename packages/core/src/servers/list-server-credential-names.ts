import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";
import { openRecord, type SecretBox } from "../secrets/secret-box";
import { CREDENTIAL_RULES, type CredentialKind, credentialKindOf } from "./server-credentials";

/**
 * The names of a server's stored headers or env variables, never their values (they are
 * write-only once saved). not_found for another organisation's server; misconfigured when the
 * values were sealed under a key this process lacks.
 */
export async function listServerCredentialNames(options: {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  serverId: string;
}): Promise<{ kind: CredentialKind; names: string[] }> {
  const server = await options.db.mcpServer.findFirst({
    where: { id: options.serverId, orgId: options.orgId },
    select: { transport: true, headersEncrypted: true, envEncrypted: true },
  });
  if (!server) throw new GatehouseError("not_found", "No such server in this organisation.");
  const kind = credentialKindOf(server);
  const names = Object.keys(openRecord(options.secretBox, server[CREDENTIAL_RULES[kind].column]));
  return { kind, names: names.sort((a, b) => a.localeCompare(b)) };
}
