import { AdminEventFilterSchema } from "@gatehouse/core/admin-trail/list-admin-events";
import type { AdminEvent } from "@gatehouse/db/models";
import { z } from "zod";
import { JsonValueSchema, TimestampSchema } from "./common-schemas";

/** The admin trail's filters, as query parameters; the same schema the dashboard's filters use. */
export const AdminEventQuerySchema = AdminEventFilterSchema.extend({
  action: AdminEventFilterSchema.shape.action.meta({
    description: 'Only this action, e.g. "grant.revoked".',
  }),
  actor: AdminEventFilterSchema.shape.actor.meta({
    description: 'Part of the actor\'s name, any case; "API key" matches every key.',
  }),
  before: AdminEventFilterSchema.shape.before.meta({
    description: "The nextCursor of the previous page; omit for the newest events.",
  }),
});

const ActorTypeSchema = z.enum(["user", "api_key", "system"]);

export const AdminEventSchema = z.object({
  id: z.string(),
  occurredAt: TimestampSchema,
  actor: z.object({
    type: ActorTypeSchema,
    id: z.string().nullable().meta({ description: "The user's or API key's id; null for Gatehouse itself." }),
    name: z.string().meta({ description: 'The person\'s name, "API key <key name>", or "Gatehouse".' }),
  }),
  action: z
    .string()
    .meta({ description: 'What happened, as "<noun>.<past participle>", e.g. "policy.saved".' }),
  target: z.object({
    type: z.string().meta({ description: 'What changed, e.g. "server", "policy", "grant".' }),
    id: z.string().nullable(),
    name: z.string().nullable().meta({ description: "Its name at the time." }),
  }),
  details: z
    .record(z.string(), JsonValueSchema)
    .nullable()
    .meta({ description: "What changed; never secrets such as header values, tokens or keys." }),
});

export const AdminEventPageResponseSchema = z.object({
  events: z.array(AdminEventSchema).meta({ description: "Newest first." }),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: "Pass as `before` for the next page; null on the last page." }),
});

/** An admin trail row as the API shows it: who, what and to which thing. */
export function toAdminEvent(row: AdminEvent): z.output<typeof AdminEventSchema> {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    actor: { type: ActorTypeSchema.parse(row.actorType), id: row.actorId, name: row.actorName },
    action: row.action,
    target: { type: row.targetType, id: row.targetId, name: row.targetName },
    details: isRecord(row.details) ? row.details : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
