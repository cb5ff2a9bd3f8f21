import type { AccountableActor } from "@gatehouse/core/admin-trail/admin-actor";
import type { SessionContext } from "./session";

/** The signed-in person as the actor of what a server action changes. */
export function sessionActor(session: SessionContext): AccountableActor {
  return { type: "user", id: session.userId, name: session.name };
}
