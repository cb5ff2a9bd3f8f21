import { API_KEY_PREFIX } from "@gatehouse/core/api-keys/api-key-secret";
import { HTTP_STATUS } from "@gatehouse/core/errors/gatehouse-error";
import type { z } from "zod";
import { ErrorResponseSchema } from "../schemas/common-schemas";
import { API_OPERATIONS, type ApiOperation } from "./api-operations";
import { buildComponentSchemas, inlineSchema, type JsonSchema, schemaRef } from "./component-schemas";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "The request is malformed; `error.fields` says which field and why.",
  401: "No API key, or one that is unknown or revoked.",
  403: "The organisation or operator does not allow this.",
  404: "No such resource in the key's organisation (another organisation's ids are not found too).",
  409: "Conflicts with the current state, e.g. someone saved a newer version.",
  500: "Something failed on Gatehouse's side; details are in its logs, never in the response.",
  502: "The MCP server could not be reached, refused the credentials or is not an MCP server.",
};

const TAGS = [
  { name: "Servers", description: "MCP servers and their tool catalogues." },
  { name: "Policies", description: "Named, versioned policy documents of a server, shared by grants." },
  { name: "Grants", description: "One agent's credential for one server, under a policy." },
  { name: "Approvals", description: "Calls a policy held until a person approves or denies them." },
  { name: "Audit", description: "Every request the proxies answered." },
  { name: "Reference", description: "This document." },
];

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of /api/v1, built once from API_OPERATIONS and their zod schemas. */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}

function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of API_OPERATIONS) {
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, JsonSchema>)[operation.method] = describeOperation(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Gatehouse API",
      version: "1",
      description: `Manage servers, policies and grants as code, and decide the calls policies hold for approval. Authenticate with an API key from Settings → API keys: \`Authorization: Bearer ${API_KEY_PREFIX}…\`. A key acts for its organisation with the admin role. Errors are JSON: \`{ "error": { "code", "message", "fields"? } }\`.`,
    },
    paths,
    components: {
      schemas: buildComponentSchemas(),
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: `An API key (${API_KEY_PREFIX}…).` },
      },
    },
    security: [{ apiKey: [] }],
    tags: TAGS,
  };
}

function describeOperation(operation: ApiOperation): JsonSchema {
  const errors = operation.isPublic ? [] : [...operation.errors, 401, 500];
  const success = operation.response.schema
    ? { content: { "application/json": { schema: schemaRef(operation.response.schema) } } }
    : { content: { "application/json": { schema: { type: "object" } } } };
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    ...(operation.isPublic ? { security: [] } : {}),
    parameters: describeParameters(operation),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: schemaRef(operation.body) } },
          },
        }
      : {}),
    responses: {
      [operation.response.status]: { description: operation.response.description, ...success },
      ...Object.fromEntries(
        [...new Set(errors)].sort((a, b) => a - b).map((status) => [status, describeError(status)]),
      ),
    },
  };
}

function describeParameters(operation: ApiOperation): JsonSchema[] {
  const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const shape: Record<string, z.ZodType> = operation.query?.shape ?? {};
  const inQuery = Object.entries(shape).map(([name, schema]) => {
    const { description, ...rest } = inlineSchema(schema);
    return { name, in: "query", required: !schema.safeParse(undefined).success, description, schema: rest };
  });
  return [...inPath, ...inQuery];
}

function describeError(status: number): JsonSchema {
  if (!Object.values(HTTP_STATUS).includes(status)) throw new Error(`No error code maps to HTTP ${status}.`);
  return {
    description: ERROR_DESCRIPTIONS[status] ?? "An error.",
    content: { "application/json": { schema: schemaRef(ErrorResponseSchema) } },
  };
}
