import { PolicyNameSchema } from "@gatehouse/core/policies/create-policy";
import type { listPolicies } from "@gatehouse/core/policies/list-policies";
import { z } from "zod";
import {
  IsPropagatedSchema,
  JsonValueSchema,
  PersonSchema,
  RefSchema,
  TimestampSchema,
} from "./common-schemas";

/** A policy document as a caller may send it: the JSON object itself, or its text. */
export const PolicyDocumentInputSchema = z
  .union([z.record(z.string(), z.unknown()), z.string().min(1)], {
    error: "Send the policy document as a JSON object, or as JSON text.",
  })
  .meta({
    description:
      'A policy document, e.g. {"version":"1","default":"deny","tools":{"echo":{}}}, as a JSON object or as JSON text (text keeps line and column numbers in syntax errors).',
  });

const comment = z.string().trim().max(500, "Use at most 500 characters.").meta({
  description: "Why this version was saved; shown in the policy's history.",
});

// Strict objects: a misspelt field such as "expected_version" must fail loudly rather than be ignored.
export const CreatePolicyBodySchema = z.strictObject({
  serverId: z.string().min(1, "Choose a server."),
  name: PolicyNameSchema,
  document: PolicyDocumentInputSchema,
  comment: comment.optional(),
});

export const SavePolicyBodySchema = z.strictObject({
  document: PolicyDocumentInputSchema,
  comment: comment.optional(),
  expectedVersion: z.number().int().positive().optional().meta({
    description:
      "The version your edit started from. If someone saved since, the request fails with 409 instead of overwriting their change.",
  }),
});

export const RollbackPolicyBodySchema = z.strictObject({
  toVersion: z.number().int().positive().meta({
    description: "The version whose document becomes the newest version (history is never rewritten).",
  }),
});

export const ValidatePolicyBodySchema = z.strictObject({ document: PolicyDocumentInputSchema });

export const PolicyListQuerySchema = z.object({
  serverId: z.string().min(1).optional().meta({ description: "Only this server's policies." }),
});

export const PolicySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  currentVersion: z.number().int(),
  server: RefSchema,
  activeGrantCount: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

export const PolicyDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  currentVersion: z
    .number()
    .int()
    .meta({ description: "The version every grant using the policy enforces." }),
  server: RefSchema,
  document: JsonValueSchema.meta({ description: "The current version's document, as saved." }),
  grants: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      tokenPrefix: z.string(),
      revokedAt: TimestampSchema.nullable(),
    }),
  ),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

export const PolicyVersionSchema = z.object({
  version: z.number().int(),
  comment: z.string().nullable(),
  createdAt: TimestampSchema,
  createdBy: PersonSchema.nullable(),
  document: JsonValueSchema,
});

export const PolicyListResponseSchema = z.object({ policies: z.array(PolicySummarySchema) });
export const PolicyResponseSchema = z.object({ policy: PolicyDetailSchema });
export const PolicyWriteResponseSchema = z.object({
  policy: PolicyDetailSchema,
  isPropagated: IsPropagatedSchema,
});
export const PolicyVersionListResponseSchema = z.object({ versions: z.array(PolicyVersionSchema) });

export const PolicyValidationResponseSchema = z.discriminatedUnion("valid", [
  z.object({ valid: z.literal(true) }),
  z.object({
    valid: z.literal(false),
    errors: z.array(
      z.object({
        path: z.string().meta({
          description: 'Where in the document, e.g. "tools.echo.limits[0].window"; "" for the whole.',
        }),
        message: z.string(),
      }),
    ),
  }),
]);

type PolicyRow = Awaited<ReturnType<typeof listPolicies>>[number];

/** A listed policy as the API shows it, with its count flattened. */
export function toPolicySummary(row: PolicyRow): z.output<typeof PolicySummarySchema> {
  const { _count, ...policy } = row;
  return { ...policy, activeGrantCount: _count.grants };
}

/** The text core validates and stores: a sent string as written, an object pretty-printed. */
export function toPolicyText(document: z.output<typeof PolicyDocumentInputSchema>): string {
  return typeof document === "string" ? document : JSON.stringify(document, null, 2);
}
