import "server-only";
import { type ApiKeyPrincipal, authenticateApiKey } from "@gatehouse/core/api-keys/authenticate-api-key";
import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { Db } from "@gatehouse/db/client";
import type { Role } from "@gatehouse/db/models";
import { API_KEY_ROLE } from "./api-key-role";

/** Who an API request acts for; every query a handler makes is scoped by `orgId`. */
export type ApiPrincipal = ApiKeyPrincipal & { role: Role };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Authenticates a request by its `Authorization: Bearer gha_…` header; throws unauthenticated otherwise. */
export async function authenticateRequest(request: Request, db: Db): Promise<ApiPrincipal> {
  const header = request.headers.get("authorization");
  if (!header) {
    throw new GatehouseError(
      "unauthenticated",
      "Send an API key in the Authorization header: Authorization: Bearer gha_…",
    );
  }
  const key = BEARER.exec(header)?.[1];
  const principal = key ? await authenticateApiKey({ db, key }) : null;
  if (!principal) {
    // One message for malformed, unknown and revoked keys, so a caller learns nothing about which.
    throw new GatehouseError("unauthenticated", "The API key is invalid or has been revoked.");
  }
  return { ...principal, role: API_KEY_ROLE };
}
