import type { ServerResponse } from "node:http";
import { type AuditedGrant, buildAuditEvent } from "../audit/build-audit-event";
import type { Caller } from "../audit/caller";
import type { ProxyDeps } from "../proxy-deps";
import { type JsonRpcErrorAnswer, sendJsonRpcError } from "./send-json-rpc-error";

/** A request refused at the HTTP layer: the JSON-RPC error the agent gets, and the rule its audit event names. */
export type Refusal = JsonRpcErrorAnswer & {
  /** Why, for the audit log, e.g. "(unknown token)". */
  rule: string;
};

/** Answers a refused request and audits it as denied, under its grant when one was known. */
export function refuseRequest(
  deps: Pick<ProxyDeps, "audit" | "now">,
  request: {
    res: ServerResponse;
    grant: AuditedGrant | null;
    method: string;
    caller: Caller;
    startedAtMs: number;
  },
  refusal: Refusal,
): void {
  const { rule, ...error } = refusal;
  sendJsonRpcError(request.res, error);
  deps.audit.record(
    buildAuditEvent({
      grant: request.grant,
      caller: request.caller,
      startedAtMs: request.startedAtMs,
      nowMs: deps.now(),
      outcome: { method: request.method, decision: "deny", rule, reason: refusal.message },
    }),
  );
}
