import "server-only";
import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { Role } from "@gatehouse/db/models";
import { z } from "zod";
import { assertCan, type Permission } from "@/server/auth/permissions";
import { getServices, type Services } from "@/server/services";
import { type ApiPrincipal, authenticateRequest } from "./authenticate-request";
import { toErrorResponse } from "./error-response";

/** What Next passes a route handler besides the request. */
type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type RouteHandlerInput<Principal, Params> = {
  request: Request;
  principal: Principal;
  params: Params;
  services: Services;
};

export type ApiHandlerInput<Params> = RouteHandlerInput<ApiPrincipal, Params>;

type RouteOptions<Principal, ParamsSchema> = {
  /** Says who is asking, or throws unauthenticated. */
  authenticate: (request: Request, services: Services) => Promise<Principal>;
  permission?: Permission;
  params?: ParamsSchema;
};

const NoParamsSchema = z.object({});
/** The params schema of a route without dynamic segments. */
export type NoParams = typeof NoParamsSchema;

/**
 * Wraps a JSON route handler: authenticates the caller, checks the permission a
 * write needs (every caller's role goes through the same helper as a dashboard
 * user's), validates the path parameters and turns every error into the JSON error shape.
 */
export function jsonRoute<Principal extends { role: Role }, ParamsSchema extends z.ZodType = NoParams>(
  options: RouteOptions<Principal, ParamsSchema>,
  handler: (input: RouteHandlerInput<Principal, z.output<ParamsSchema>>) => Promise<Response>,
) {
  return async (request: Request, context?: NextRouteContext): Promise<Response> => {
    const services = getServices();
    try {
      const principal = await options.authenticate(request, services);
      if (options.permission) assertCan(principal, options.permission);
      // Next passes no params at all to a route without dynamic segments.
      const parsed = (options.params ?? NoParamsSchema).safeParse((await context?.params) ?? {});
      // Ids are opaque; one that cannot be valid simply names nothing.
      if (!parsed.success) throw new GatehouseError("not_found", "No such resource in this organisation.");
      return await handler({ request, principal, params: parsed.data as z.output<ParamsSchema>, services });
    } catch (error) {
      const route = `${request.method} ${new URL(request.url).pathname}`;
      return toErrorResponse(error, { logger: services.logger, route });
    }
  };
}

/** Wraps an /api/v1 handler: a jsonRoute whose caller is an API key. */
export function apiRoute<ParamsSchema extends z.ZodType = NoParams>(
  options: { permission?: Permission; params?: ParamsSchema },
  handler: (input: ApiHandlerInput<z.output<ParamsSchema>>) => Promise<Response>,
) {
  return jsonRoute(
    { ...options, authenticate: (request, services) => authenticateRequest(request, services.db) },
    handler,
  );
}
