import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";
import { SERVER_PUBLIC_FIELDS } from "./server-public-fields";

/** One server of the organisation, without secrets; not_found for another organisation's id. */
export async function getServer(options: { db: Db; orgId: string; serverId: string }) {
  const server = await options.db.mcpServer.findFirst({
    where: { id: options.serverId, orgId: options.orgId },
    select: {
      ...SERVER_PUBLIC_FIELDS,
      args: true,
      serverName: true,
      serverVersion: true,
      headersEncrypted: true,
      envEncrypted: true,
    },
  });
  if (!server) throw new GatehouseError("not_found", "No such server in this organisation.");
  const { headersEncrypted, envEncrypted, ...rest } = server;
  return { ...rest, hasHeaders: headersEncrypted !== null, hasEnv: envEncrypted !== null };
}
