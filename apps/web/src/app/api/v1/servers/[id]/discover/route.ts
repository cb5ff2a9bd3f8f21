import { syncCatalogue } from "@gatehouse/core/catalogue/sync-catalogue";
import { getServer } from "@gatehouse/core/servers/get-server";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { DiscoverResponseSchema } from "@/server/api/schemas/server-schemas";

/**
 * Connects to the server, catalogues and classifies its tools, tells the proxies when anything
 * changed, and says what changed; an unreachable server is 502.
 */
export const POST = apiRoute(
  { permission: "manage_servers", params: IdParamsSchema },
  async ({ principal, params, services }) => {
    const { db, secretBox, env, notifyGrantChange } = services;
    const { toolCount, changes } = await syncCatalogue({
      db,
      secretBox,
      notify: notifyGrantChange,
      orgId: principal.orgId,
      actor: apiActor(principal),
      serverId: params.id,
      allowStdio: env.GATEHOUSE_ALLOW_STDIO,
      allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS,
      timeoutMs: env.GATEHOUSE_UPSTREAM_TIMEOUT_MS,
    });
    const server = await getServer({ db, orgId: principal.orgId, serverId: params.id });
    return respond(DiscoverResponseSchema, { server, toolCount, changes });
  },
);
