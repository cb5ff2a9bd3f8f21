import type { Prisma } from "@gatehouse/db/models";
import { type Actor, actorName } from "./admin-actor";

/**
 * Every change the admin trail records, as "<noun>.<past participle>", with the kind of
 * thing each one changes. An action is added here before anything can record it, so the
 * dashboard's and the API's filters always offer every action there is.
 */
export const ADMIN_ACTION_TARGETS = {
  "user.signed_up": "user",
  "user.oauth_linked": "user",
  "server.registered": "server",
  "server.discovered": "server",
  "server.credentials_changed": "server",
  "server.oauth_connected": "server",
  "server.oauth_disconnected": "server",
  "server.oauth_needs_reconnect": "server",
  "policy.created": "policy",
  "policy.saved": "policy",
  "policy.rolled_back": "policy",
  "grant.created": "grant",
  "grant.policy_changed": "grant",
  "grant.revoked": "grant",
  "grant.token_rotated": "grant",
  "grant.expiry_changed": "grant",
  "tool_change.approved": "tool",
  "approval.approved": "approval",
  "approval.denied": "approval",
  "api_key.created": "api_key",
  "api_key.revoked": "api_key",
  "webhook.saved": "webhook",
  "webhook.enabled": "webhook",
  "webhook.disabled": "webhook",
  "webhook.secret_rotated": "webhook",
  "webhook.deleted": "webhook",
  "webhook.tested": "webhook",
  "audit_retention.changed": "organization",
  "org.created": "organization",
  // The target is the member who became owner, so the trail links to the members page.
  "org.ownership_transferred": "member",
  "member.invited": "invitation",
  "invitation.revoked": "invitation",
  "member.joined": "member",
  "member.role_changed": "member",
  "member.removed": "member",
  "member.left": "member",
} as const;

export type AdminAction = keyof typeof ADMIN_ACTION_TARGETS;
export const ADMIN_ACTIONS = Object.keys(ADMIN_ACTION_TARGETS) as [AdminAction, ...AdminAction[]];

/**
 * What changed, as flat JSON. Never secrets: no header or env values, tokens, keys,
 * webhook secrets or argument values (display prefixes, made to be shown, are fine).
 */
export type AdminEventDetails = Record<string, string | number | boolean | null | string[]>;

type AdminEventInput = {
  orgId: string;
  actor: Actor;
  action: AdminAction;
  /** The changed thing's id and name as they were at the time (the trail outlives renames and deletes). */
  target: { id: string | null; name: string | null };
  details?: AdminEventDetails;
};

/**
 * Adds one event to the organisation's admin trail. It returns Prisma's lazy query, so an
 * operation can await it on its transaction client or put it in a batch transaction.
 */
export function recordAdminEvent(db: Pick<Prisma.TransactionClient, "adminEvent">, event: AdminEventInput) {
  const { actor } = event;
  return db.adminEvent.create({
    data: {
      orgId: event.orgId,
      actorType: actor.type,
      actorId: actor.type === "system" ? null : actor.id,
      actorName: actorName(actor),
      action: event.action,
      targetType: ADMIN_ACTION_TARGETS[event.action],
      targetId: event.target.id,
      targetName: event.target.name,
      ...(event.details ? { details: event.details } : {}),
    },
    select: { id: true },
  });
}
