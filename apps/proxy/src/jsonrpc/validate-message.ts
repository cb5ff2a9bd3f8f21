import type { z } from "zod";
import { describeIssue } from "./describe-issue";
import { findMcpShapeProblem } from "./find-mcp-shape-problem";
import { findSizeProblem, type SizeLimits } from "./find-size-problem";
import {
  JsonRpcErrorSchema,
  type JsonRpcMessage,
  JsonRpcNotificationSchema,
  JsonRpcRequestSchema,
  JsonRpcResultSchema,
  type RequestId,
  RequestIdSchema,
} from "./json-rpc-message-schema";

export type MessageCheck =
  | { isValid: true; message: JsonRpcMessage }
  /** `isParams`: the envelope is sound but the params do not fit the method (JSON-RPC's -32602). */
  | { isValid: false; id: RequestId | null; problem: string; isParams?: boolean };

/**
 * Validates one JSON-RPC message from an agent strictly, explaining the first thing wrong
 * and naming its id when the id itself is sound, so the agent can tell which request failed.
 */
export function validateMessage(value: unknown, limits: SizeLimits): MessageCheck {
  if (!isJsonObject(value)) {
    return {
      isValid: false,
      id: null,
      problem: `a JSON-RPC message is a JSON object, not ${typeName(value)}`,
    };
  }
  const recovered = RequestIdSchema.safeParse(value.id);
  const id = recovered.success ? recovered.data : null;
  const schema = schemaFor(value);
  if (!schema) {
    const problem =
      'the message has no "method" (as a request or notification has) and no "result" or "error" (as an answer to a server request has)';
    return { isValid: false, id, problem };
  }
  // Answers to server requests (a sampling result may carry an image) are bounded by the body
  // size alone; the strings of requests and notifications are what policies scan.
  const isAnswer = !("method" in value);
  const sizeLimits = isAnswer ? { ...limits, maxStringChars: Number.POSITIVE_INFINITY } : limits;
  const sizeProblem = findSizeProblem(value, sizeLimits);
  if (sizeProblem) return { isValid: false, id, problem: sizeProblem };
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { isValid: false, id, problem: describeIssue(parsed.error.issues[0]) };
  const message = parsed.data as JsonRpcMessage;
  const mcpProblem = findMcpShapeProblem(message);
  return mcpProblem ? { isValid: false, id, ...mcpProblem } : { isValid: true, message };
}

function schemaFor(value: Record<string, unknown>): z.ZodType | undefined {
  if ("method" in value) return "id" in value ? JsonRpcRequestSchema : JsonRpcNotificationSchema;
  if ("result" in value) return JsonRpcResultSchema;
  if ("error" in value) return JsonRpcErrorSchema;
  return undefined;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
