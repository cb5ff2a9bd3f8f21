import { GracePeriodSecondsSchema } from "@gatehouse/core/grants/rotate-grant-token";
import { z } from "zod";
import { IsPropagatedSchema, PersonSchema, RefSchema, TimestampSchema } from "./common-schemas";
import { PolicyDocumentInputSchema } from "./policy-schemas";

export const CreateGrantBodySchema = z
  .strictObject({
    serverId: z.string().min(1, "Choose a server."),
    name: z
      .string()
      .trim()
      .min(1, "Name the agent this grant is for.")
      .max(80, "Use at most 80 characters.")
      .meta({ description: "Who the grant is for, e.g. the agent's name." }),
    policyId: z.string().min(1).optional().meta({ description: "An existing policy of the server…" }),
    policy: PolicyDocumentInputSchema.optional().meta({
      description: "…or a document for a new policy of its own, named after the agent. Send exactly one.",
    }),
    expiresAt: TimestampSchema.nullable().optional().meta({
      description:
        "When the grant stops working (UTC, e.g. 2030-01-31T17:00:00Z; must be in the future). Leave out for a grant that does not expire.",
    }),
  })
  .refine((body) => (body.policyId === undefined) !== (body.policy === undefined), {
    message: "Send either policyId (an existing policy) or policy (a new document), not both.",
    path: ["policyId"],
  });

export const SetGrantPolicyBodySchema = z.strictObject({
  policyId: z.string().min(1).meta({ description: "Another policy of the grant's server." }),
});

export const RotateGrantTokenBodySchema = z.strictObject({
  gracePeriodSeconds: GracePeriodSecondsSchema.meta({
    description:
      "How long the old token keeps working, in seconds: 0 stops it at once; at most 604800 (7 days). The dashboard offers 0, 3600, 86400 and 604800.",
  }),
});

export const SetGrantExpiryBodySchema = z.strictObject({
  expiresAt: TimestampSchema.nullable().meta({
    description:
      "When the grant stops working (UTC, must be in the future; an expired grant can be extended), or null for never.",
  }),
});

export const GrantListQuerySchema = z.object({
  serverId: z.string().min(1).optional().meta({ description: "Only this server's grants." }),
});

const PolicyRefSchema = z.object({ id: z.string(), name: z.string(), currentVersion: z.number().int() });

const grantFields = {
  id: z.string(),
  name: z.string(),
  tokenPrefix: z.string().meta({
    description: "The token's first characters, to recognise it; the token itself is never shown again.",
  }),
  server: RefSchema,
  policy: PolicyRefSchema,
  createdAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
  expiresAt: TimestampSchema.nullable().meta({
    description: "When the grant stops working; null for never.",
  }),
  lastUsedAt: TimestampSchema.nullable().meta({
    description: "When an agent last called through the grant (to the minute); null if never.",
  }),
};

export const GrantSummarySchema = z.object(grantFields);
export const GrantSchema = z.object({
  ...grantFields,
  updatedAt: TimestampSchema,
  createdBy: PersonSchema,
  tokenRotatedAt: TimestampSchema.nullable().meta({ description: "When the token was last rotated." }),
  previousTokenExpiresAt: TimestampSchema.nullable().meta({
    description: "Until when the token the last rotation replaced is still accepted; null if it is not.",
  }),
});

export const GrantListResponseSchema = z.object({ grants: z.array(GrantSummarySchema) });
export const GrantResponseSchema = z.object({ grant: GrantSchema });
export const GrantWriteResponseSchema = z.object({ grant: GrantSchema, isPropagated: IsPropagatedSchema });
export const IssuedGrantResponseSchema = z.object({
  grant: GrantSchema,
  token: z.string().meta({ description: "The grant's secret (ghg_…). Shown only in this response." }),
  proxyUrl: z.string().meta({ description: "The URL an MCP client connects to; it contains the token." }),
});
export const RotatedGrantResponseSchema = IssuedGrantResponseSchema.extend({
  isPropagated: IsPropagatedSchema,
});
