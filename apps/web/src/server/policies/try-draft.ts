import "server-only";
import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { getPolicy } from "@gatehouse/core/policies/get-policy";
import type { Db } from "@gatehouse/db/client";
import { evaluateCall } from "@gatehouse/policy/evaluate-call";
import { parsePolicyText } from "@gatehouse/policy/parse-policy";
import { readJson } from "@gatehouse/policy/read-json";
import { isJsonObject } from "@/lib/policy-json";

// The grant and session a trial call is decided for; conditions on them see these values.
const TRIAL_GRANT = { id: "try-it", name: "Try it" };

/**
 * Decides one tool call under a draft policy (text from the editor, not the saved version),
 * with the tool's risk category from the policy's server catalogue. Nothing is counted:
 * the limits returned are the ones the call would count against.
 */
export async function tryDraft(options: {
  db: Db;
  orgId: string;
  policyId: string;
  draft: string;
  tool: string;
  args: string;
}) {
  const policy = await getPolicy({ db: options.db, orgId: options.orgId, policyId: options.policyId });
  const name = options.tool.trim();
  if (name === "") throw fieldError("tool", "Enter a tool name.");
  const args = readArguments(options.args);
  const parsed = parsePolicyText(options.draft);
  if (!parsed.ok) {
    const fieldErrors = parsed.errors.map((error) => ({
      field: "draft",
      message: error.path ? `${error.path}: ${error.message}` : error.message,
    }));
    throw new GatehouseError("invalid_input", "The draft policy has problems; fix them to try it.", {
      fieldErrors,
    });
  }
  const tool = await options.db.tool.findFirst({
    where: { serverId: policy.server.id, name, removedAt: null },
    select: { category: true },
  });
  const facts = {
    kind: "tool" as const,
    name,
    args,
    category: tool?.category ?? undefined,
    grant: TRIAL_GRANT,
    session: { id: null },
  };
  return evaluateCall(parsed.policy, facts, new Date());
}

function readArguments(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  const json = readJson(text);
  if (!json.ok) throw fieldError("args", `Arguments are not valid JSON (${json.error.message}).`);
  if (!isJsonObject(json.value))
    throw fieldError("args", 'Arguments must be a JSON object, e.g. {"message": "hi"}.');
  return json.value;
}

function fieldError(field: string, message: string): GatehouseError {
  return new GatehouseError("invalid_input", message, { fieldErrors: [{ field, message }] });
}
