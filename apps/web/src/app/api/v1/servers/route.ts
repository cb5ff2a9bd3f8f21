import { getServer } from "@gatehouse/core/servers/get-server";
import { listServers } from "@gatehouse/core/servers/list-servers";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { RegisterServerInputSchema } from "@gatehouse/core/servers/register-server-input";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { parseBody } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import {
  ServerListResponseSchema,
  ServerResponseSchema,
  toServerSummary,
} from "@/server/api/schemas/server-schemas";

/** Lists the organisation's servers. */
export const GET = apiRoute({}, async ({ principal, services }) => {
  const servers = await listServers({ db: services.db, orgId: principal.orgId });
  return respond(ServerListResponseSchema, { servers: servers.map(toServerSummary) });
});

/** Registers a server; its headers and env values are sealed and never returned. */
export const POST = apiRoute({ permission: "manage_servers" }, async ({ request, principal, services }) => {
  const input = parseBody(RegisterServerInputSchema, await readJsonBody(request));
  const { db, secretBox, env } = services;
  const { serverId } = await registerServer({
    db,
    secretBox,
    orgId: principal.orgId,
    actor: apiActor(principal),
    allowStdio: env.GATEHOUSE_ALLOW_STDIO,
    allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS,
    input,
  });
  const server = await getServer({ db, orgId: principal.orgId, serverId });
  return respond(ServerResponseSchema, { server }, 201);
});
