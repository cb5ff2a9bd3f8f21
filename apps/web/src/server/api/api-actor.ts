import type { AccountableActor } from "@gatehouse/core/admin-trail/admin-actor";
import type { ApiPrincipal } from "./authenticate-request";

/** The API key behind a request as the actor of what it changes, acting for the person who created it. */
export function apiActor(principal: ApiPrincipal): AccountableActor {
  return {
    type: "api_key",
    id: principal.apiKeyId,
    name: principal.apiKeyName,
    createdById: principal.actorId,
  };
}
