import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import type { z } from "zod";
import type { Actor } from "../admin-trail/admin-actor";
import { type AdminEventDetails, recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { assertPublicDestination } from "../network/assert-public-destination";
import { type SecretBox, sealRecord } from "../secrets/secret-box";
import { type RegisterServerInput, RegisterServerInputSchema } from "./register-server-input";

type ParsedInput = z.output<typeof RegisterServerInputSchema>;

/** Registers an MCP server for an organisation, sealing its headers and env values. */
export async function registerServer(options: {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  actor: Actor;
  allowStdio: boolean;
  /** Whether the server may be at a private or loopback address (GATEHOUSE_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
  input: RegisterServerInput;
}): Promise<{ serverId: string }> {
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
  try {
    const server = await options.db.mcpServer.create({
      data: { orgId: options.orgId, name: input.name, transport: input.transport, ...connection },
    });
    await recordAdminEvent(options.db, {
      orgId: options.orgId,
      actor: options.actor,
      action: "server.registered",
      target: { id: server.id, name: server.name },
      details: describeConnection(input),
    });
    return { serverId: server.id };
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
