import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";
import { parseInput } from "../errors/field-errors";
import { GatehouseError } from "../errors/gatehouse-error";
import { type SecretBox, sealRecord } from "../secrets/secret-box";
import { type RegisterServerInput, RegisterServerInputSchema } from "./register-server-input";

/** Registers an MCP server for an organisation, sealing its headers and env values. */
export async function registerServer(options: {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  allowStdio: boolean;
  input: RegisterServerInput;
}): Promise<{ serverId: string }> {
  const input = parseInput(RegisterServerInputSchema, options.input);
  if (input.transport === "stdio" && !options.allowStdio) {
    const message =
      "This Gatehouse does not allow stdio servers, because their command runs on the gateway's host. An operator can enable them with GATEHOUSE_ALLOW_STDIO=true.";
    throw new GatehouseError("forbidden", message, { fieldErrors: [{ field: "transport", message }] });
  }
  const connection =
    input.transport === "stdio"
      ? { command: input.command, args: input.args, envEncrypted: sealRecord(options.secretBox, input.env) }
      : { url: input.url, headersEncrypted: sealRecord(options.secretBox, input.headers) };
  try {
    const server = await options.db.mcpServer.create({
      data: { orgId: options.orgId, name: input.name, transport: input.transport, ...connection },
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
