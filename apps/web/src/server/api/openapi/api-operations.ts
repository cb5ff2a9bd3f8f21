import { RegisterServerInputSchema } from "@gatehouse/core/servers/register-server-input";
import type { z } from "zod";
import { AdminEventPageResponseSchema, AdminEventQuerySchema } from "../schemas/admin-event-schemas";
import {
  ApprovalDecisionResponseSchema,
  ApprovalListQuerySchema,
  ApprovalListResponseSchema,
  ApprovalResponseSchema,
  DecideApprovalBodySchema,
} from "../schemas/approval-schemas";
import { AuditPageResponseSchema, AuditQuerySchema } from "../schemas/audit-schemas";
import {
  CreateGrantBodySchema,
  GrantListQuerySchema,
  GrantListResponseSchema,
  GrantResponseSchema,
  GrantWriteResponseSchema,
  IssuedGrantResponseSchema,
  RotatedGrantResponseSchema,
  RotateGrantTokenBodySchema,
  SetGrantExpiryBodySchema,
  SetGrantPolicyBodySchema,
} from "../schemas/grant-schemas";
import {
  CreatePolicyBodySchema,
  PolicyListQuerySchema,
  PolicyListResponseSchema,
  PolicyResponseSchema,
  PolicyValidationResponseSchema,
  PolicyVersionListResponseSchema,
  PolicyWriteResponseSchema,
  RollbackPolicyBodySchema,
  SavePolicyBodySchema,
  ValidatePolicyBodySchema,
} from "../schemas/policy-schemas";
import {
  DiscoverResponseSchema,
  ServerListResponseSchema,
  ServerResponseSchema,
  ToolListResponseSchema,
} from "../schemas/server-schemas";

/** One endpoint of /api/v1, described by the same zod schemas its handler validates and encodes with. */
export type ApiOperation = {
  method: "get" | "post" | "put";
  path: `/api/v1/${string}`;
  operationId: string;
  tag: "Servers" | "Policies" | "Grants" | "Approvals" | "Audit" | "Reference";
  summary: string;
  description?: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: { status: 200 | 201; description: string; schema?: z.ZodType };
  /** Error statuses beyond those every authenticated operation can return (401, 500). */
  errors: number[];
  /** Public operations need no API key. */
  isPublic?: boolean;
};

/** Every /api/v1 operation; the OpenAPI document and the docs page are built from this list. */
export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/servers",
    operationId: "listServers",
    tag: "Servers",
    summary: "List servers",
    response: {
      status: 200,
      description: "The organisation's servers, newest first.",
      schema: ServerListResponseSchema,
    },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/servers",
    operationId: "registerServer",
    tag: "Servers",
    summary: "Register a server",
    description:
      "Headers (and a stdio server's env values) are encrypted at rest and never returned. stdio servers are refused with 403 unless the operator allows them.",
    body: RegisterServerInputSchema,
    response: { status: 201, description: "The registered server.", schema: ServerResponseSchema },
    errors: [400, 403, 409],
  },
  {
    method: "get",
    path: "/api/v1/servers/{id}",
    operationId: "getServer",
    tag: "Servers",
    summary: "Get a server",
    response: { status: 200, description: "The server.", schema: ServerResponseSchema },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/servers/{id}/discover",
    operationId: "discoverTools",
    tag: "Servers",
    summary: "Connect and discover tools",
    description:
      "Runs initialize and tools/list against the server and catalogues its tools. A server that cannot be reached or is not MCP is 502 with the reason.",
    response: { status: 200, description: "What the catalogue now holds.", schema: DiscoverResponseSchema },
    errors: [404, 502],
  },
  {
    method: "get",
    path: "/api/v1/servers/{id}/tools",
    operationId: "listTools",
    tag: "Servers",
    summary: "List a server's tools",
    response: {
      status: 200,
      description: "The catalogued tools, removed ones last.",
      schema: ToolListResponseSchema,
    },
    errors: [404],
  },
  {
    method: "get",
    path: "/api/v1/policies",
    operationId: "listPolicies",
    tag: "Policies",
    summary: "List policies",
    query: PolicyListQuerySchema,
    response: { status: 200, description: "The organisation's policies.", schema: PolicyListResponseSchema },
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/policies",
    operationId: "createPolicy",
    tag: "Policies",
    summary: "Create a policy",
    description:
      "Creates a named policy of one server with the document as version 1. Problems in the document are 400, each field message starting with its path.",
    body: CreatePolicyBodySchema,
    response: { status: 201, description: "The new policy.", schema: PolicyResponseSchema },
    errors: [400, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/policies/validate",
    operationId: "validatePolicy",
    tag: "Policies",
    summary: "Validate a policy document",
    description:
      "Checks a document exactly as saving would, without saving. An invalid document is a 200 listing its problems.",
    body: ValidatePolicyBodySchema,
    response: {
      status: 200,
      description: "Whether the document is valid, and if not, why.",
      schema: PolicyValidationResponseSchema,
    },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/v1/policies/{id}",
    operationId: "getPolicy",
    tag: "Policies",
    summary: "Get a policy",
    response: {
      status: 200,
      description: "The policy with its current document and version.",
      schema: PolicyResponseSchema,
    },
    errors: [404],
  },
  {
    method: "put",
    path: "/api/v1/policies/{id}",
    operationId: "savePolicy",
    tag: "Policies",
    summary: "Save a new version",
    description:
      "Saves the document as the policy's next version; every grant using the policy applies it on its next call. Send expectedVersion to get 409 instead of overwriting someone else's save.",
    body: SavePolicyBodySchema,
    response: {
      status: 200,
      description: "The policy at its new version.",
      schema: PolicyWriteResponseSchema,
    },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/policies/{id}/versions",
    operationId: "listPolicyVersions",
    tag: "Policies",
    summary: "List a policy's versions",
    response: {
      status: 200,
      description: "Every saved version, newest first.",
      schema: PolicyVersionListResponseSchema,
    },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/policies/{id}/rollback",
    operationId: "rollbackPolicy",
    tag: "Policies",
    summary: "Roll back to an earlier version",
    description: "Saves an earlier version's document as the newest version; history is never rewritten.",
    body: RollbackPolicyBodySchema,
    response: {
      status: 200,
      description: "The policy at its new version.",
      schema: PolicyWriteResponseSchema,
    },
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/v1/grants",
    operationId: "listGrants",
    tag: "Grants",
    summary: "List grants",
    query: GrantListQuerySchema,
    response: {
      status: 200,
      description: "The organisation's grants, active first.",
      schema: GrantListResponseSchema,
    },
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/grants",
    operationId: "createGrant",
    tag: "Grants",
    summary: "Create a grant",
    description:
      "Issues an agent's credential for one server under a policy, optionally expiring at expiresAt. The token and proxy URL are in this response only; Gatehouse keeps just a hash.",
    body: CreateGrantBodySchema,
    response: {
      status: 201,
      description: "The grant, its token and its proxy URL.",
      schema: IssuedGrantResponseSchema,
    },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/grants/{id}",
    operationId: "getGrant",
    tag: "Grants",
    summary: "Get a grant",
    response: { status: 200, description: "The grant.", schema: GrantResponseSchema },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/grants/{id}/revoke",
    operationId: "revokeGrant",
    tag: "Grants",
    summary: "Revoke a grant",
    description: "The token stops working on its next call through any proxy. Revoking twice is harmless.",
    response: { status: 200, description: "The revoked grant.", schema: GrantWriteResponseSchema },
    errors: [404],
  },
  {
    method: "put",
    path: "/api/v1/grants/{id}/policy",
    operationId: "setGrantPolicy",
    tag: "Grants",
    summary: "Move a grant to another policy",
    description: "The policy must belong to the grant's server; a revoked grant is 409.",
    body: SetGrantPolicyBodySchema,
    response: {
      status: 200,
      description: "The grant under its new policy.",
      schema: GrantWriteResponseSchema,
    },
    errors: [400, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/grants/{id}/rotate",
    operationId: "rotateGrantToken",
    tag: "Grants",
    summary: "Rotate a grant's token",
    description:
      "Issues a new token, in this response only. The old token keeps working for gracePeriodSeconds (0 stops it on its next call); a token replaced by an earlier rotation stops now. Needs an owner's or admin's key; a revoked grant is 409.",
    body: RotateGrantTokenBodySchema,
    response: {
      status: 200,
      description: "The grant, its new token and its new proxy URL.",
      schema: RotatedGrantResponseSchema,
    },
    errors: [400, 403, 404, 409],
  },
  {
    method: "put",
    path: "/api/v1/grants/{id}/expiry",
    operationId: "setGrantExpiry",
    tag: "Grants",
    summary: "Set or clear a grant's expiry",
    description:
      "After expiresAt the grant's token is refused with 401 until the expiry is moved or cleared (null). It must be in the future; a revoked grant is 409.",
    body: SetGrantExpiryBodySchema,
    response: {
      status: 200,
      description: "The grant with its new expiry.",
      schema: GrantWriteResponseSchema,
    },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/approvals",
    operationId: "listApprovals",
    tag: "Approvals",
    summary: "List approval requests",
    description:
      "Calls held for a person's decision. Arguments are never listed; get one request to see them.",
    query: ApprovalListQuerySchema,
    response: { status: 200, description: "Up to 100 requests.", schema: ApprovalListResponseSchema },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/v1/approvals/{id}",
    operationId: "getApproval",
    tag: "Approvals",
    summary: "Get an approval request",
    description: "Includes the call's arguments while the request is pending; they are deleted once it ends.",
    response: { status: 200, description: "The request.", schema: ApprovalResponseSchema },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/approvals/{id}/decision",
    operationId: "decideApproval",
    tag: "Approvals",
    summary: "Approve or deny a held call",
    description:
      'Decides a pending request once; the proxy holding the call answers the agent at once. The decision is recorded as "API key <key name>". A request already decided, expired, cancelled or abandoned is 409, saying how it ended.',
    body: DecideApprovalBodySchema,
    response: {
      status: 200,
      description: "The decided request.",
      schema: ApprovalDecisionResponseSchema,
    },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/audit-events",
    operationId: "listAuditEvents",
    tag: "Audit",
    summary: "List audit events",
    description:
      "Newest first, 50 a page. Keyset pagination: pass nextCursor as before; pages stay stable while new events arrive.",
    query: AuditQuerySchema,
    response: { status: 200, description: "A page of events.", schema: AuditPageResponseSchema },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/v1/admin-events",
    operationId: "listAdminEvents",
    tag: "Audit",
    summary: "List admin events",
    description:
      "The admin trail: every change made in the dashboard or through this API (servers, policies, grants, approvals, API keys, webhooks) and who made it. Newest first, 50 a page; pass nextCursor as before.",
    query: AdminEventQuerySchema,
    response: { status: 200, description: "A page of admin events.", schema: AdminEventPageResponseSchema },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Reference",
    summary: "This API's OpenAPI document",
    response: { status: 200, description: "An OpenAPI 3.1 document." },
    errors: [],
    isPublic: true,
  },
];
