/**
 * Who changed something: a person in the dashboard, an API key, or Gatehouse itself.
 * An API key also carries the person who created it, because some rows must name a user
 * (a grant's creator) and a key acts with its creator's say-so.
 */
export type Actor =
  | { type: "user"; id: string; name: string }
  | { type: "api_key"; id: string; name: string; createdById: string }
  | { type: "system" };

/** A person acting in the dashboard: only people manage memberships and organisations. */
export type UserActor = Extract<Actor, { type: "user" }>;

/** An actor some person answers for: a user, or an API key through the person who created it. */
export type AccountableActor = Exclude<Actor, { type: "system" }>;

/** How the trail, approvals and agents name the actor: the person's name, "API key <name>" or "Gatehouse". */
export function actorName(actor: Actor): string {
  if (actor.type === "user") return actor.name;
  if (actor.type === "api_key") return `API key ${actor.name}`;
  return "Gatehouse";
}

/** The user a written row is attributed to (columns such as createdById); null when Gatehouse acted. */
export function attributedUserId(actor: AccountableActor): string;
export function attributedUserId(actor: Actor): string | null;
export function attributedUserId(actor: Actor): string | null {
  if (actor.type === "user") return actor.id;
  if (actor.type === "api_key") return actor.createdById;
  return null;
}
