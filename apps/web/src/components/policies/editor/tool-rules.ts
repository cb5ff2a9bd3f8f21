import { isGlob, matchGlob } from "@gatehouse/policy/match-glob";
import { isJsonObject, type PolicyDocument, setOwn } from "@/lib/policy-json";

/** What the visual editor offers for one tool; each maps to a shape of the document. */
export const TOOL_CHOICES = ["default", "allow", "deny", "hide", "require_approval", "custom"] as const;
export type ToolChoice = (typeof TOOL_CHOICES)[number];

export const CHOICE_LABELS: Record<ToolChoice, string> = {
  default: "Default",
  allow: "Allow",
  deny: "Deny",
  hide: "Hide",
  require_approval: "Require approval",
  custom: "Custom",
};

/** A tool as the catalogue knows it; `argumentNames` come from its input schema. */
export type CatalogueTool = {
  name: string;
  description: string | null;
  category: string | null;
  argumentNames: string[];
};

export type ToolEntry = Record<string, unknown>;

/** One row of the visual editor: a catalogued tool, or a name or glob the document mentions. */
export type ToolRow = {
  name: string;
  choice: ToolChoice;
  entry: ToolEntry | undefined;
  tool: CatalogueTool | undefined;
  isGlob: boolean;
  /** A hide glob that hides this tool although its own row says otherwise. */
  hiddenBy: string | undefined;
};

/** The document's "tools" object (empty when absent). */
export function readTools(document: PolicyDocument): Record<string, unknown> {
  return isJsonObject(document.tools) ? document.tools : {};
}

function readHide(document: PolicyDocument): string[] {
  return Array.isArray(document.hide) ? document.hide.filter((item) => typeof item === "string") : [];
}

/** Which choice an entry corresponds to; anything beyond an action and a reason is custom. */
export function classifyEntry(entry: unknown): ToolChoice {
  if (!isJsonObject(entry)) return "custom";
  if (Object.keys(entry).some((key) => key !== "action" && key !== "reason")) return "custom";
  const action = entry.action ?? "allow";
  if (action === "deny") return "deny";
  if (action === "require_approval") return "require_approval";
  return action === "allow" && entry.reason === undefined ? "allow" : "custom";
}

/** Rows for every catalogued tool, then every other name or glob in "tools" or "hide". */
export function listToolRows(document: PolicyDocument, catalogue: readonly CatalogueTool[]): ToolRow[] {
  const tools = readTools(document);
  const hide = readHide(document);
  const names = [...new Set([...catalogue.map((tool) => tool.name), ...Object.keys(tools), ...hide])];
  return names.map((name) => {
    const entry = Object.hasOwn(tools, name) ? tools[name] : undefined;
    const isHidden = hide.includes(name);
    return {
      name,
      choice: isHidden ? "hide" : entry === undefined ? "default" : classifyEntry(entry),
      entry: isJsonObject(entry) ? entry : undefined,
      tool: catalogue.find((tool) => tool.name === name),
      isGlob: isGlob(name),
      hiddenBy: isHidden ? undefined : hide.find((glob) => isGlob(glob) && matchGlob(glob, name)),
    };
  });
}

/** Applies a choice to one tool, keeping its reason, limits and conditions where they still apply. */
export function chooseToolRule(document: PolicyDocument, name: string, choice: ToolChoice): PolicyDocument {
  const previous = readTools(document)[name];
  const kept = isJsonObject(previous) ? previous : {};
  const reason = typeof kept.reason === "string" ? { reason: kept.reason } : {};
  const entries: Record<ToolChoice, ToolEntry | undefined> = {
    default: undefined,
    hide: undefined,
    allow: { action: "allow" },
    deny: { action: "deny", ...reason },
    require_approval: { action: "require_approval", ...reason },
    custom: toCustomEntry(kept),
  };
  const hide = readHide(document).filter((item) => item !== name);
  if (choice === "hide") hide.push(name);
  const next = setToolEntry(document, name, entries[choice]);
  if (hide.length) return { ...next, hide };
  const { hide: _dropped, ...rest } = next;
  return rest;
}

// Custom starts from what the tool had, so switching to it never loses limits or conditions.
function toCustomEntry(previous: ToolEntry): ToolEntry {
  const { action, reason, ...fields } = previous;
  const custom: ToolEntry = { action: action === "require_approval" ? "require_approval" : "allow" };
  if (action === "require_approval" && reason !== undefined) custom.reason = reason;
  return { ...custom, ...fields, limits: Array.isArray(fields.limits) ? fields.limits : [] };
}

/** Replaces (or with undefined removes) one tool's entry, keeping every other tool where it was. */
export function setToolEntry(
  document: PolicyDocument,
  name: string,
  entry: ToolEntry | undefined,
): PolicyDocument {
  const tools: Record<string, unknown> = {};
  let isPlaced = false;
  for (const [key, value] of Object.entries(readTools(document))) {
    if (key !== name) setOwn(tools, key, value);
    else if (entry !== undefined) {
      setOwn(tools, key, entry);
      isPlaced = true;
    }
  }
  if (!isPlaced && entry !== undefined) setOwn(tools, name, entry);
  return { ...document, tools };
}
