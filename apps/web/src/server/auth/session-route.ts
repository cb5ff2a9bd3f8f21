import "server-only";
import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { z } from "zod";
import { jsonRoute, type NoParams, type RouteHandlerInput } from "@/server/api/api-route";
import type { Permission } from "./permissions";
import { getSessionContext, type SessionContext } from "./session";

/**
 * Wraps a JSON route handler the dashboard's own pages fetch (live data): the caller
 * is the signed-in user, by the same session cookie and helper the pages use. Without
 * one it answers 401 JSON rather than redirecting, as a fetch cannot follow a sign-in page.
 * A cookie rides along on cross-site requests too, so src/proxy.ts refuses any write under
 * /api/dashboard whose Origin is not the dashboard's before it gets here.
 */
export function sessionRoute<ParamsSchema extends z.ZodType = NoParams>(
  options: { permission?: Permission; params?: ParamsSchema },
  handler: (input: RouteHandlerInput<SessionContext, z.output<ParamsSchema>>) => Promise<Response>,
) {
  return jsonRoute({ ...options, authenticate: requireSessionContext }, handler);
}

async function requireSessionContext(): Promise<SessionContext> {
  const session = await getSessionContext();
  if (!session) throw new GatehouseError("unauthenticated", "Your session has ended. Sign in again.");
  return session;
}
