import type { BodyCheck } from "../jsonrpc/validate-body";
import type { Refusal } from "./refuse-request";
import { JSON_RPC } from "./send-json-rpc-error";

const EXAMPLE = 'A request looks like {"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}.';

/** The refusal of a POST body that failed validation: HTTP 400 and -32600, saying what was wrong. */
export function invalidBodyRefusal(check: Extract<BodyCheck, { isValid: false }>): Refusal {
  const hint = check.rule === "(invalid JSON-RPC)" ? ` ${EXAMPLE}` : "";
  return {
    status: 400,
    code: JSON_RPC.invalidRequest,
    message: `Invalid Request: ${check.problem}.${hint}`,
    rule: check.rule,
    id: check.id,
    ...(check.answers && {
      batch: check.answers.map(({ id, problem }) => ({ id, message: `Invalid Request: ${problem}.` })),
    }),
  };
}
