import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { apiRoute } from "@/server/api/api-route";

// API clients expect JSON, also for a path that does not exist (Next would answer with its HTML
// 404 page). The key is checked first, so without one every /api/v1 path answers 401 alike.
const notFound = apiRoute({}, async ({ request }) => {
  const path = new URL(request.url).pathname;
  throw new GatehouseError(
    "not_found",
    `No API endpoint ${request.method} ${path}. See /api/v1/openapi.json.`,
  );
});

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
