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
  })
  .refine((body) => (body.policyId === undefined) !== (body.policy === undefined), {
    message: "Send either policyId (an existing policy) or policy (a new document), not both.",
    path: ["policyId"],
  });

export const SetGrantPolicyBodySchema = z.strictObject({
  policyId: z.string().min(1).meta({ description: "Another policy of the grant's server." }),
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
};

export const GrantSummarySchema = z.object(grantFields);
export const GrantSchema = z.object({ ...grantFields, updatedAt: TimestampSchema, createdBy: PersonSchema });

export const GrantListResponseSchema = z.object({ grants: z.array(GrantSummarySchema) });
export const GrantResponseSchema = z.object({ grant: GrantSchema });
export const GrantWriteResponseSchema = z.object({ grant: GrantSchema, isPropagated: IsPropagatedSchema });
export const IssuedGrantResponseSchema = z.object({
  grant: GrantSchema,
  token: z.string().meta({ description: "The grant's secret (ghg_…). Shown only in this response." }),
  proxyUrl: z.string().meta({ description: "The URL an MCP client connects to; it contains the token." }),
});
