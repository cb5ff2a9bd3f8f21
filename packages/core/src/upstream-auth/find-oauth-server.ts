import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";

/** An HTTP server of the organisation with its OAuth connection (null when it has none); not_found otherwise. */
export async function findOAuthServer(db: Db, where: { orgId: string; serverId: string }) {
  const server = await db.mcpServer.findFirst({
    where: { id: where.serverId, orgId: where.orgId },
    select: { id: true, name: true, transport: true, url: true, oauth: true },
  });
  if (!server) throw new GatehouseError("not_found", "No such server in this organisation.");
  if (server.transport === "stdio" || !server.url) {
    throw new GatehouseError(
      "invalid_input",
      "OAuth is for servers reached over HTTP; a stdio server gets its credentials from its environment variables.",
    );
  }
  return { ...server, url: server.url, transport: server.transport };
}
