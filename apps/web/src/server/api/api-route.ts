import "server-only";
import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { z } from "zod";
import { assertCan, type Permission } from "@/server/auth/permissions";
import { getServices, type Services } from "@/server/services";
import { type ApiPrincipal, authenticateRequest } from "./authenticate-request";
import { toErrorResponse } from "./error-response";

/** What Next passes a route handler besides the request. */
type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type ApiHandlerInput<Params> = {
  request: Request;
  principal: ApiPrincipal;
  params: Params;
  services: Services;
};

const NoParamsSchema = z.object({});

/**
 * Wraps an /api/v1 handler: authenticates the API key, checks the permission a
 * write needs (the key's role goes through the same helper as a dashboard user's),
 * validates the path parameters and turns every error into the JSON error shape.
 */
export function apiRoute<ParamsSchema extends z.ZodType = typeof NoParamsSchema>(
  options: { permission?: Permission; params?: ParamsSchema },
  handler: (input: ApiHandlerInput<z.output<ParamsSchema>>) => Promise<Response>,
) {
  return async (request: Request, context?: NextRouteContext): Promise<Response> => {
    const services = getServices();
    try {
      const principal = await authenticateRequest(request, services.db);
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
