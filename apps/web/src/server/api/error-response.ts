import "server-only";
import { type ErrorCode, HTTP_STATUS, isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import { NextResponse } from "next/server";

const INTERNAL_MESSAGE =
  "Something went wrong on our side. Try again; if it keeps happening, ask an operator to check the logs.";

/** The JSON body of every API error (see ErrorResponse in the OpenAPI document). */
export type ApiErrorBody = {
  error: { code: ErrorCode; message: string; fields?: { field: string; message: string }[] };
};

/**
 * Turns anything a handler threw into a JSON error response. A GatehouseError
 * keeps its code, public message and field errors; anything else is logged and
 * answered as a bare 500, never with its details.
 */
export function toErrorResponse(error: unknown, options: { logger: Logger; route: string }): NextResponse {
  if (!isGatehouseError(error) || error.code === "internal") {
    options.logger.error({ err: error, route: options.route }, "api request failed");
    return errorResponse({ error: { code: "internal", message: INTERNAL_MESSAGE } });
  }
  const body: ApiErrorBody = { error: { code: error.code, message: error.publicMessage } };
  if (error.fieldErrors.length > 0) body.error.fields = error.fieldErrors;
  return errorResponse(body);
}

function errorResponse(body: ApiErrorBody): NextResponse {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  // RFC 6750: a 401 names the scheme the client should use.
  if (body.error.code === "unauthenticated") headers["www-authenticate"] = 'Bearer realm="gatehouse"';
  return NextResponse.json(body, { status: HTTP_STATUS[body.error.code], headers });
}
