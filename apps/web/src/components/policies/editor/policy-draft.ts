import { readJson } from "@gatehouse/policy/read-json";
import { isJsonObject, type PolicyDocument } from "@/lib/policy-json";

/** The draft as a document the visual editor can show, or why it cannot. */
export type DraftReading = { ok: true; document: PolicyDocument } | { ok: false; message: string };

/**
 * Reads editor text for the visual editor. Only what the visual editor itself relies on is
 * checked (valid JSON, an object, "tools" an object, "hide" a list of names); every other
 * problem is left for validation on save, so a half-finished policy can still be edited visually.
 */
export function readDraft(text: string): DraftReading {
  const json = readJson(text);
  if (!json.ok)
    return { ok: false, message: `The JSON cannot be read (${json.error.message}). Fix it first.` };
  const document = json.value;
  if (!isJsonObject(document)) {
    return {
      ok: false,
      message: 'The policy must be a JSON object such as {"version": "1", "default": "deny"}.',
    };
  }
  if (document.tools !== undefined && !isJsonObject(document.tools)) {
    return { ok: false, message: '"tools" must be an object mapping tool names to entries. Fix it first.' };
  }
  const hide = document.hide;
  if (hide !== undefined && !(Array.isArray(hide) && hide.every((item) => typeof item === "string"))) {
    return { ok: false, message: '"hide" must be a list of tool names or globs. Fix it first.' };
  }
  return { ok: true, document };
}
