import { NextResponse } from "next/server";
import { getOpenApiDocument } from "@/server/api/openapi/build-openapi-document";

/** The API's OpenAPI 3.1 document; public, so tools can read it before anyone has a key. */
export function GET(): NextResponse {
  return NextResponse.json(getOpenApiDocument());
}
