import type { Db } from "@gatehouse/db/client";
import { GatehouseError } from "../errors/gatehouse-error";
import type { SecretBox } from "../secrets/secret-box";
import { connectUpstream } from "../upstream/connect-upstream";
import { toUpstreamConfig } from "../upstream/upstream-config";
import { adoptUpstreamOAuth } from "../upstream-auth/adopt-upstream-oauth";
import { createUpstreamAuthorization } from "../upstream-auth/upstream-authorization";
import { listUpstreamTools } from "./list-upstream-tools";
import { saveToolCatalogue } from "./save-tool-catalogue";

/**
 * "Connect & discover": runs `initialize` and `tools/list` against a server and
 * stores its tools. A failure is recorded on the server and thrown with its reason.
 */
export async function discoverTools(options: {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  serverId: string;
  allowStdio: boolean;
  /** Whether the server may be at a private or loopback address (GATEHOUSE_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
  timeoutMs: number;
  now?: Date;
}) {
  const { db, orgId, serverId } = options;
  const server = await db.mcpServer.findFirst({ where: { id: serverId, orgId } });
  if (!server) throw new GatehouseError("not_found", "No such server in this organisation.");
  try {
    const config = toUpstreamConfig(server, options.secretBox);
    const { secretBox, timeoutMs } = options;
    const authorization = await createUpstreamAuthorization({
      db,
      secretBox,
      orgId,
      serverId,
      policy: options,
      timeoutMs,
    });
    const connection = await connectUpstream(config, { ...options, authorization }).catch(
      async (error: unknown) => {
        if (authorization) throw error;
        const policy = options;
        throw (await adoptUpstreamOAuth({ db, orgId, serverId, config, error, policy, timeoutMs })) ?? error;
      },
    );
    try {
      const tools = await listUpstreamTools(connection.client, options.timeoutMs).catch((error: unknown) => {
        throw connection.describeError(error);
      });
      const now = options.now ?? new Date();
      const changes = await saveToolCatalogue({ db, orgId, serverId, tools, now });
      const info = connection.client.getServerVersion();
      await db.mcpServer.update({
        where: { id: serverId },
        data: {
          status: "connected",
          lastError: null,
          discoveredAt: now,
          serverName: info?.name ?? null,
          serverVersion: info?.version ?? null,
        },
      });
      return { toolCount: tools.length, changes };
    } finally {
      await connection.client.close().catch(() => undefined);
    }
  } catch (error) {
    const reason = error instanceof GatehouseError ? error.publicMessage : "Discovery failed unexpectedly.";
    await db.mcpServer.update({ where: { id: serverId }, data: { status: "error", lastError: reason } });
    throw error;
  }
}
