import type { UserActor } from "@gatehouse/core/admin-trail/admin-actor";
import type { SignedInUser } from "./session";

/** The signed-in person as the actor of what a server action changes. */
export function sessionActor(user: SignedInUser): UserActor {
  return { type: "user", id: user.userId, name: user.name };
}
