import { randomUUID } from "node:crypto";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";

// A recent whole minute, an hour ago: the worker's retention job may run while tests do (it
// deletes what is older than 90 days by default), so tests date their events from here.
const BASE_MS = Math.floor(Date.now() / 60_000) * 60_000 - 60 * 60_000;

/** An instant `seconds` after the tests' base time (negative: before it), as audit events carry it. */
export function at(seconds: number): string {
  return new Date(BASE_MS + seconds * 1000).toISOString();
}

/** One allowed tools/call audit event of the organisation, with `overrides` on top. */
export function auditEvent(orgId: string | null, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: randomUUID(),
    orgId,
    grantId: null,
    serverId: null,
    occurredAt: at(0),
    method: "tools/call",
    tool: "echo",
    decision: "allow",
    isShadow: false,
    rule: "tools.echo",
    policyId: null,
    policyVersion: null,
    reason: null,
    upstreamStatus: "ok",
    upstreamError: null,
    latencyMs: 12,
    sessionId: "s-1",
    argumentKeys: ["message"],
    ...overrides,
  };
}
