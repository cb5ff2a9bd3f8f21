import { parsePolicyText } from "@gatehouse/policy/parse-policy";
import { apiRoute } from "@/server/api/api-route";
import { parseBody } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import {
  PolicyValidationResponseSchema,
  toPolicyText,
  ValidatePolicyBodySchema,
} from "@/server/api/schemas/policy-schemas";

/**
 * Checks a document without saving it (for CI). An invalid policy is a successful
 * check, so it is 200 with its problems; only a malformed request is 400.
 */
export const POST = apiRoute({}, async ({ request }) => {
  const { document } = parseBody(ValidatePolicyBodySchema, await readJsonBody(request));
  const result = parsePolicyText(toPolicyText(document));
  return respond(
    PolicyValidationResponseSchema,
    result.ok ? { valid: true } : { valid: false, errors: result.errors },
  );
});
