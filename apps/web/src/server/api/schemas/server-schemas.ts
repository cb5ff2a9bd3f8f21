import type { listServers } from "@gatehouse/core/servers/list-servers";
import { ServerStatus, ServerTransport } from "@gatehouse/db/models";
import { z } from "zod";
import { JsonValueSchema, TimestampSchema } from "./common-schemas";

const serverFields = {
  id: z.string(),
  name: z.string(),
  transport: z.enum(ServerTransport),
  url: z.string().nullable().meta({ description: "For streamable_http and sse servers." }),
  command: z.string().nullable().meta({ description: "For stdio servers." }),
  status: z.enum(ServerStatus),
  lastError: z.string().nullable().meta({ description: "Why the last discovery failed, if it did." }),
  discoveredAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
};

/** A server in a list. Stored headers and env values are never returned. */
export const ServerSummarySchema = z.object({
  ...serverFields,
  toolCount: z.number().int().meta({ description: "Tools currently offered (not removed)." }),
  activeGrantCount: z.number().int(),
});

/** One server. Stored headers and env values are never returned, only whether there are any. */
export const ServerSchema = z.object({
  ...serverFields,
  args: z.array(z.string()),
  serverName: z.string().nullable().meta({ description: "What the server called itself when discovered." }),
  serverVersion: z.string().nullable(),
  hasHeaders: z.boolean(),
  hasEnv: z.boolean(),
});

export const ServerListResponseSchema = z.object({ servers: z.array(ServerSummarySchema) });
export const ServerResponseSchema = z.object({ server: ServerSchema });

export const ToolSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  inputSchema: JsonValueSchema,
  annotations: JsonValueSchema,
  definitionHash: z.string().meta({ description: "Changes whenever the tool's definition changes." }),
  category: z
    .string()
    .nullable()
    .meta({ description: "Risk category: read, write, execute, destructive or financial." }),
  severity: z.string().nullable(),
  firstSeenAt: TimestampSchema,
  lastSeenAt: TimestampSchema,
  changedAt: TimestampSchema.nullable(),
  removedAt: TimestampSchema.nullable().meta({
    description: "Set when the server stopped offering the tool.",
  }),
});
export const ToolListResponseSchema = z.object({ tools: z.array(ToolSchema) });

export const DiscoverResponseSchema = z.object({
  server: ServerSchema,
  toolCount: z.number().int(),
  changes: z.object({
    added: z.array(z.string()),
    changed: z.array(z.string()),
    removed: z.array(z.string()),
    unchanged: z.number().int(),
  }),
});

type ServerRow = Awaited<ReturnType<typeof listServers>>[number];

/** A listed server as the API shows it, with its counts flattened. */
export function toServerSummary(row: ServerRow): z.output<typeof ServerSummarySchema> {
  const { _count, ...server } = row;
  return { ...server, toolCount: _count.tools, activeGrantCount: _count.grants };
}
