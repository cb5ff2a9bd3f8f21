import type { Db } from "@gatehouse/db/client";
import type { UserActor } from "../admin-trail/admin-actor";
import { claimInvitation } from "./claim-invitation";

/** A signed-in user joins the inviting organisation with the invitation's role; the link is then used up. */
export function acceptInvitation(options: { db: Db; token: string; actor: UserActor; now?: Date }) {
  const now = options.now ?? new Date();
  return options.db.$transaction((tx) =>
    claimInvitation(tx, { token: options.token, user: options.actor, now }),
  );
}
