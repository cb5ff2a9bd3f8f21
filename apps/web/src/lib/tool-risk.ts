import { z } from "zod";

/** The risk categories and severities packages/risk assigns, from least to most risky. */
export const TOOL_CATEGORIES = ["read", "write", "execute", "destructive", "financial"] as const;
export const TOOL_SEVERITIES = ["low", "medium", "high", "critical"] as const;

export type ToolCategory = (typeof TOOL_CATEGORIES)[number];
export type ToolSeverity = (typeof TOOL_SEVERITIES)[number];

/** One poisoning-scan finding as stored on a tool: what kind, the passage, and where it was found. */
export type ToolFlag = { kind: string; evidence: string; where: string };

const ToolFlagSchema = z.object({ kind: z.string(), evidence: z.string(), where: z.string() });

/** The flags of a tool row. They are stored JSON, so a malformed entry is dropped rather than breaking the page. */
export function readFlags(flags: unknown): ToolFlag[] {
  if (!Array.isArray(flags)) return [];
  return flags.flatMap((flag) => {
    const parsed = ToolFlagSchema.safeParse(flag);
    return parsed.success ? [parsed.data] : [];
  });
}

/** How each flag kind is named in the dashboard. */
export const FLAG_LABELS: Record<string, string> = {
  hidden_instructions: "Hidden instructions",
  tool_reference: "Refers to another tool",
  secret_access: "Asks for secrets",
  invisible_unicode: "Invisible characters",
  unusual_length: "Unusually long text",
  annotation_conflict: "Annotations contradict behaviour",
};

/** True when `value` is one of `choices` (narrowing stored strings to the known vocabulary). */
export function isOneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (choices as readonly string[]).includes(value);
}
