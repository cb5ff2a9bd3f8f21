import { RegisterServerInputSchema } from "@gatehouse/core/servers/register-server-input";
import { z } from "zod";
import * as adminEvents from "../schemas/admin-event-schemas";
import * as approvals from "../schemas/approval-schemas";
import { AuditEventSchema, AuditPageResponseSchema } from "../schemas/audit-schemas";
import { ErrorResponseSchema } from "../schemas/common-schemas";
import * as grants from "../schemas/grant-schemas";
import * as policies from "../schemas/policy-schemas";
import * as servers from "../schemas/server-schemas";

// Each schema an operation uses, or that several share, gets a name under
// #/components/schemas; the JSON Schema is generated from the zod schema itself.
const NAMED: Record<string, z.ZodType> = {
  ErrorResponse: ErrorResponseSchema,
  PolicyDocument: policies.PolicyDocumentInputSchema,
  ServerSummary: servers.ServerSummarySchema,
  Server: servers.ServerSchema,
  Tool: servers.ToolSchema,
  PolicySummary: policies.PolicySummarySchema,
  Policy: policies.PolicyDetailSchema,
  PolicyVersion: policies.PolicyVersionSchema,
  GrantSummary: grants.GrantSummarySchema,
  Grant: grants.GrantSchema,
  ApprovalSummary: approvals.ApprovalSummarySchema,
  Approval: approvals.ApprovalSchema,
  AuditEvent: AuditEventSchema,
  AdminEvent: adminEvents.AdminEventSchema,
  RegisterServerRequest: RegisterServerInputSchema,
  CreatePolicyRequest: policies.CreatePolicyBodySchema,
  SavePolicyRequest: policies.SavePolicyBodySchema,
  RollbackPolicyRequest: policies.RollbackPolicyBodySchema,
  ValidatePolicyRequest: policies.ValidatePolicyBodySchema,
  CreateGrantRequest: grants.CreateGrantBodySchema,
  SetGrantPolicyRequest: grants.SetGrantPolicyBodySchema,
  RotateGrantTokenRequest: grants.RotateGrantTokenBodySchema,
  SetGrantExpiryRequest: grants.SetGrantExpiryBodySchema,
  DecideApprovalRequest: approvals.DecideApprovalBodySchema,
  ServerListResponse: servers.ServerListResponseSchema,
  ServerResponse: servers.ServerResponseSchema,
  DiscoverResponse: servers.DiscoverResponseSchema,
  ToolListResponse: servers.ToolListResponseSchema,
  PolicyListResponse: policies.PolicyListResponseSchema,
  PolicyResponse: policies.PolicyResponseSchema,
  PolicyWriteResponse: policies.PolicyWriteResponseSchema,
  PolicyVersionListResponse: policies.PolicyVersionListResponseSchema,
  PolicyValidationResponse: policies.PolicyValidationResponseSchema,
  GrantListResponse: grants.GrantListResponseSchema,
  GrantResponse: grants.GrantResponseSchema,
  GrantWriteResponse: grants.GrantWriteResponseSchema,
  IssuedGrantResponse: grants.IssuedGrantResponseSchema,
  RotatedGrantResponse: grants.RotatedGrantResponseSchema,
  ApprovalListResponse: approvals.ApprovalListResponseSchema,
  ApprovalResponse: approvals.ApprovalResponseSchema,
  ApprovalDecisionResponse: approvals.ApprovalDecisionResponseSchema,
  AuditPageResponse: AuditPageResponseSchema,
  AdminEventPageResponse: adminEvents.AdminEventPageResponseSchema,
};

export type JsonSchema = Record<string, unknown>;

const registry = z.registry<{ id: string }>();
for (const [id, schema] of Object.entries(NAMED)) registry.add(schema, { id });

// Responses are encoded through codecs whose input side is the wire format (ISO date
// strings), so both requests and responses are described by their "input" side.
const CONVERSION = {
  io: "input",
  unrepresentable: "any",
  override: (context: { jsonSchema: JsonSchema }) => {
    // zod adds its full ISO 8601 regex to date-time strings; the format says it more readably.
    if (context.jsonSchema.format === "date-time") delete context.jsonSchema.pattern;
  },
} as const;

/** The JSON Schema of every named schema, referring to each other by `#/components/schemas/<name>`. */
export function buildComponentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    ...CONVERSION,
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [
      id,
      schema as JsonSchema,
    ]),
  );
}

/** A `$ref` to a named schema; throws for an unnamed one, so every operation's schema is listed above. */
export function schemaRef(schema: z.ZodType): JsonSchema {
  const id = registry.get(schema)?.id;
  if (!id) throw new Error("An /api/v1 operation uses a schema without a name in component-schemas.ts.");
  return { $ref: `#/components/schemas/${id}` };
}

/** The JSON Schema of one query parameter, inlined. */
export function inlineSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, CONVERSION) as JsonSchema;
  return rest;
}
