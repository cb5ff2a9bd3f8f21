import { MAX_BATCH_SIZE } from "@modelcontextprotocol/sdk/server/requestBody.js";
import {
  DEFAULT_NEGOTIATED_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
} from "@modelcontextprotocol/sdk/types.js";
import { quote } from "./describe-issue";
import type { SizeLimits } from "./find-size-problem";
import type { RequestId } from "./json-rpc-message-schema";
import { type MessageCheck, validateMessage } from "./validate-message";

// JSON-RPC batches came with MCP 2025-03-26 and were removed again in 2025-06-18.
const BATCH_PROTOCOL_VERSIONS: ReadonlySet<string> = new Set(["2025-03-26"]);

/** The answer one member of a refused batch gets. */
export type MemberAnswer = { id: RequestId | null; problem: string };

/** Whether a POST body may go on to the MCP session, and if not, the audit rule and what was wrong. */
export type BodyCheck =
  | { isValid: true }
  | { isValid: false; rule: string; problem: string; id: RequestId | null; answers?: MemberAnswer[] };

/**
 * Validates a parsed POST body before any of it reaches the MCP machinery. A single message is
 * checked strictly. A batch (a JSON array) is allowed only under a protocol version that has
 * them — the MCP-Protocol-Version header, or 2025-03-26 without one, as the spec says to assume;
 * there every member is checked and the batch goes on whole or not at all, so a refused batch
 * answers each of its requests.
 */
export function validateBody(
  body: unknown,
  context: { protocolVersion: string | undefined; limits: SizeLimits },
): BodyCheck {
  const version = context.protocolVersion;
  const isInitialize = !Array.isArray(body) && (body as { method?: unknown } | null)?.method === "initialize";
  if (version !== undefined && !isInitialize && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    const problem = `the MCP-Protocol-Version header ${quote(version)} is not a version Gatehouse speaks (${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}); send the version initialize negotiated`;
    return { isValid: false, rule: "(unsupported protocol version)", problem, id: null };
  }
  if (!Array.isArray(body)) {
    const check = validateMessage(body, context.limits);
    if (check.isValid) return check;
    return { ...check, rule: check.isParams ? "(invalid params)" : "(invalid JSON-RPC)" };
  }
  return validateBatch(body, version ?? DEFAULT_NEGOTIATED_PROTOCOL_VERSION, context.limits);
}

function validateBatch(batch: unknown[], version: string, limits: SizeLimits): BodyCheck {
  if (!BATCH_PROTOCOL_VERSIONS.has(version)) {
    const problem = `JSON-RPC batches are not supported in MCP ${version} (only 2025-03-26 had them); send each message in a POST of its own`;
    return { isValid: false, rule: "(batch not supported)", problem, id: null };
  }
  if (batch.length === 0) {
    const problem = "the batch is an empty array; send at least one message";
    return { isValid: false, rule: "(empty batch)", problem, id: null };
  }
  if (batch.length > MAX_BATCH_SIZE) {
    const problem = `the batch holds ${batch.length} messages, more than ${MAX_BATCH_SIZE}; split it`;
    return { isValid: false, rule: "(batch too large)", problem, id: null };
  }
  const checks = batch.map((member) => checkMember(member, limits));
  const firstInvalid = checks.findIndex((check) => !check.isValid);
  const first = checks[firstInvalid];
  if (first === undefined || first.isValid) return { isValid: true };
  const answers = checks.flatMap((check, index) => answerMember(check, index, firstInvalid));
  const problem = `batch member ${firstInvalid}: ${first.problem}; nothing in the batch was processed`;
  return { isValid: false, rule: "(invalid batch member)", problem, id: null, answers };
}

function checkMember(member: unknown, limits: SizeLimits): MessageCheck {
  const check = validateMessage(member, limits);
  if (check.isValid && "method" in check.message && check.message.method === "initialize") {
    const id = "id" in check.message ? check.message.id : null;
    return { isValid: false, id, problem: "initialize must be sent on its own, never in a batch" };
  }
  return check;
}

// Every request of a refused batch is answered, so the agent is not left waiting on any id;
// notifications and answers to server requests get none, as JSON-RPC says.
function answerMember(check: MessageCheck, index: number, firstInvalid: number): MemberAnswer[] {
  if (!check.isValid) return [{ id: check.id, problem: `batch member ${index}: ${check.problem}` }];
  if (!("method" in check.message && "id" in check.message)) return [];
  const problem = `batch member ${index} was not processed because member ${firstInvalid} is invalid; Gatehouse takes a batch whole or not at all`;
  return [{ id: check.message.id, problem }];
}
