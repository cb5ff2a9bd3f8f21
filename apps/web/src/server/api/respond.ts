import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";

/**
 * Answers with `data` encoded through its response schema: dates become ISO
 * strings and any field the schema does not list is dropped, so what a caller
 * receives is exactly what the OpenAPI document promises, and never more.
 */
export function respond<T extends z.ZodType>(schema: T, data: z.output<T>, status = 200): NextResponse {
  return NextResponse.json(z.encode(schema, data), { status, headers: { "cache-control": "no-store" } });
}
