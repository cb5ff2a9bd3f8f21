import { policyJsonSchema } from "@gatehouse/policy/policy-json-schema";

// The schema only changes with a deployment, so it is rendered once at build time.
export const dynamic = "force-static";

/**
 * The policy document's JSON Schema at a stable public URL, for the dashboard's editor and for
 * anyone writing policies in their own editor.
 */
export function GET(): Response {
  return new Response(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`, {
    headers: {
      "Content-Type": "application/schema+json; charset=utf-8",
      // Cached for an hour, then revalidated in the background; a deploy may change it.
      "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
