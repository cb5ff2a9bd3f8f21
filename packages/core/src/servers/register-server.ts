import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import type { z } from "zod";
import type { Actor } from "../admin-trail/admin-actor";
import { type AdminEventDetails, recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { assertPublicDestination } from "../network/assert-public-destination";
import { createGuardedFetch } from "../network/guarded-fetch";
import { type SecretBox, sealRecord } from "../secrets/secret-box";
import { detectUpstreamOAuth } from "../upstream-auth/discover-upstream-oauth";
import { type RegisterServerInput, RegisterServerInputSchema } from "./register-server-input";

type ParsedInput = z.output<typeof RegisterServerInputSchema>;

// Registration only asks whether the server wants OAuth; a slow server is registered without it.
const OAUTH_PROBE_TIMEOUT_MS = 5_000;

/**
 * Registers an MCP server for an organisation, sealing its headers and env values. An HTTP
 * server registered without an Authorization header that answers 401 with OAuth metadata is
 * saved as using OAuth: discovery then waits until someone clicks Connect.
 */
export async function registerServer(options: {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  actor: Actor;
  allowStdio: boolean;
  /** Whether the server may be at a private or loopback address (GATEHOUSE_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
  input: RegisterServerInput;
}): Promise<{ serverId: string; usesOAuth: boolean }> {
  const input = parseInput(RegisterServerInputSchema, options.input);
  if (input.transport === "stdio" && !options.allowStdio) {
    const message =
      "This Gatehouse does not allow stdio servers, because their command runs on the gateway's host. An operator can enable them with GATEHOUSE_ALLOW_STDIO=true.";
    throw new GatehouseError("forbidden", message, { fieldErrors: [{ field: "transport", message }] });
  }
  if (input.transport !== "stdio") {
    await assertPublicDestination({ url: input.url, policy: options, field: "url" });
  }
  const connection =
    input.transport === "stdio"
      ? { command: input.command, args: input.args, envEncrypted: sealRecord(options.secretBox, input.env) }
      : { url: input.url, headersEncrypted: sealRecord(options.secretBox, input.headers) };
  const usesOAuth = await detectOAuth(input, options);
  try {
    const server = await options.db.mcpServer.create({
      data: {
        orgId: options.orgId,
        name: input.name,
        transport: input.transport,
        ...connection,
        ...(usesOAuth ? { oauth: { create: { orgId: options.orgId } } } : {}),
      },
    });
    await recordAdminEvent(options.db, {
      orgId: options.orgId,
      actor: options.actor,
      action: "server.registered",
      target: { id: server.id, name: server.name },
      details: { ...describeConnection(input), ...(usesOAuth ? { auth: "oauth" } : {}) },
    });
    return { serverId: server.id, usesOAuth };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const message = `A server named "${input.name}" already exists. Choose another name.`;
      throw new GatehouseError("conflict", message, { fieldErrors: [{ field: "name", message }] });
    }
    throw error;
  }
}

/**
 * Where the server is, for the admin trail: header and variable names but never their values,
 * no stdio arguments (they can carry credentials), and only the URL's origin (its path or
 * query can too).
 */
function describeConnection(input: ParsedInput): AdminEventDetails {
  if (input.transport === "stdio") {
    return { transport: input.transport, command: input.command, envNames: Object.keys(input.env) };
  }
  return {
    transport: input.transport,
    origin: new URL(input.url).origin,
    headerNames: Object.keys(input.headers),
  };
}

function detectOAuth(input: ParsedInput, policy: { allowPrivateNetworks: boolean }): Promise<boolean> {
  if (input.transport === "stdio") return Promise.resolve(false);
  if (Object.keys(input.headers).some((name) => name.toLowerCase() === "authorization")) {
    return Promise.resolve(false);
  }
  const fetch = createGuardedFetch(policy);
  return detectUpstreamOAuth({ ...input, fetch, timeoutMs: OAUTH_PROBE_TIMEOUT_MS });
}
