import {
  ClientRequestSchema,
  JSONRPCErrorResponseSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  JSONRPCResultResponseSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { describeIssue } from "./describe-issue";
import type { JsonRpcMessage } from "./json-rpc-message-schema";

// The SDK's schema for each request an MCP client may send, by method.
const PARAMS_SCHEMAS = new Map<string, z.ZodType>(
  ClientRequestSchema.options.map((schema) => [schema.shape.method.value, schema]),
);

/** What the MCP SDK would still refuse in a message Gatehouse's own schema accepted. */
export type McpShapeProblem = { problem: string; isParams: boolean };

/**
 * Checks a message against the schemas the MCP SDK applies after Gatehouse (the envelope, with
 * `_meta`, and the params of each method it knows), so the SDK never refuses a message itself:
 * its refusals carry a less precise code and are not audited. Unknown methods pass; the
 * session answers them as not found and audits that.
 */
export function findMcpShapeProblem(message: JsonRpcMessage): McpShapeProblem | undefined {
  const envelope = envelopeSchema(message).safeParse(message);
  if (!envelope.success) return { problem: describeIssue(envelope.error.issues[0]), isParams: false };
  if (!("method" in message && "id" in message)) return undefined;
  const params = PARAMS_SCHEMAS.get(message.method)?.safeParse({
    method: message.method,
    params: message.params,
  });
  if (!params || params.success) return undefined;
  return { problem: `${describeIssue(params.error.issues[0])} (for ${message.method})`, isParams: true };
}

function envelopeSchema(message: JsonRpcMessage): z.ZodType {
  if ("method" in message) return "id" in message ? JSONRPCRequestSchema : JSONRPCNotificationSchema;
  return "result" in message ? JSONRPCResultResponseSchema : JSONRPCErrorResponseSchema;
}
