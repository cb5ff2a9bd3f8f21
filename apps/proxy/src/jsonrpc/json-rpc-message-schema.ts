import { z } from "zod";

// Ids are echoed in answers, kept as keys while a request runs, and written to logs, so
// they are bounded; numbers must be safe integers because larger ones (and fractions)
// do not survive a JSON round trip exactly, and the answer would name another request.
const MAX_ID_CHARS = 256;
const MAX_METHOD_CHARS = 256;

/** A request id as Gatehouse accepts it: a string of at most 256 characters or a safe integer, never null. */
export const RequestIdSchema = z
  .union([z.string(), z.number()], {
    error: "id must be a string or an integer (null, booleans, objects and arrays are not ids)",
  })
  .superRefine((id, context) => {
    if (typeof id === "string" && id.length > MAX_ID_CHARS) {
      context.addIssue({ code: "custom", message: `id must be at most ${MAX_ID_CHARS} characters` });
    }
    if (typeof id === "number" && !Number.isSafeInteger(id)) {
      const message = "id must be an integer between -(2^53 - 1) and 2^53 - 1, not a fraction";
      context.addIssue({ code: "custom", message });
    }
  });
export type RequestId = z.infer<typeof RequestIdSchema>;

const version = z.literal("2.0", { error: 'jsonrpc must be the string "2.0"' });
const method = z
  .string({ error: "method must be a string" })
  .min(1, "method must not be empty")
  .max(MAX_METHOD_CHARS, `method must be at most ${MAX_METHOD_CHARS} characters`);
// JSON-RPC also allows parameters by position (an array); MCP names every parameter, so an
// array could only fail later, in a handler, with a less useful error.
const params = z
  .record(z.string(), z.unknown(), { error: "params must be a JSON object (MCP names every parameter)" })
  .optional();

/** A request from the agent: it expects an answer with the same id. */
export const JsonRpcRequestSchema = z.strictObject({ jsonrpc: version, id: RequestIdSchema, method, params });

/** A notification from the agent: no id, no answer. */
export const JsonRpcNotificationSchema = z.strictObject({ jsonrpc: version, method, params });

/**
 * The agent's answers to requests the server sent it (sampling, elicitation, roots): a result
 * or an error for that request's id, which the agent always knows, so it may not be null.
 */
export const JsonRpcResultSchema = z.strictObject({
  jsonrpc: version,
  id: RequestIdSchema,
  result: z.record(z.string(), z.unknown(), { error: "result must be a JSON object" }),
});

export const JsonRpcErrorSchema = z.strictObject({
  jsonrpc: version,
  id: RequestIdSchema,
  error: z.object(
    {
      code: z.number().int("error.code must be an integer"),
      message: z.string("error.message must be a string"),
      data: z.unknown().optional(),
    },
    { error: "error must be an object with an integer code and a string message" },
  ),
});

export type JsonRpcRequest = z.infer<typeof JsonRpcRequestSchema>;
export type JsonRpcNotification = z.infer<typeof JsonRpcNotificationSchema>;
export type JsonRpcResponse = z.infer<typeof JsonRpcResultSchema> | z.infer<typeof JsonRpcErrorSchema>;
export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResponse;
