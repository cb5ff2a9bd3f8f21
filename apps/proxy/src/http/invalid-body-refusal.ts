import type { BodyCheck } from "../jsonrpc/validate-body";
import type { Refusal } from "./refuse-request";
import { JSON_RPC } from "./send-json-rpc-error";

const EXAMPLE = 'A request looks like {"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}.';

/**
 * The refusal of a POST body that failed validation: HTTP 400 with -32600 (or -32602 when only
 * the params do not fit the method), saying what was wrong.
 */
export function invalidBodyRefusal(check: Extract<BodyCheck, { isValid: false }>): Refusal {
  const isParams = check.rule === "(invalid params)";
  const hint = check.rule === "(invalid JSON-RPC)" ? ` ${EXAMPLE}` : "";
  return {
    status: 400,
    code: isParams ? JSON_RPC.invalidParams : JSON_RPC.invalidRequest,
    message: `${isParams ? "Invalid params" : "Invalid Request"}: ${check.problem}.${hint}`,
    rule: check.rule,
    id: check.id,
    ...(check.answers && {
      batch: check.answers.map(({ id, problem }) => ({ id, message: `Invalid Request: ${problem}.` })),
    }),
  };
}
