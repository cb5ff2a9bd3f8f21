import { action, type Evidence, type Modifier, WEIGHTS } from "./evidence";
import type { Signal, ToolAnnotationsInput } from "./types";

/**
 * Reads MCP annotations. They are hints from an untrusted server: they vote like any other
 * evidence, but a claim of safety never outweighs a riskier name (see decide-category).
 * Only literal `true`/`false` count; anything else a server sends is ignored.
 */
export function readAnnotations(annotations: ToolAnnotationsInput | undefined): Evidence {
  if (annotations === undefined || annotations === null || typeof annotations !== "object") {
    return { signals: [], modifiers: [] };
  }
  const { readOnlyHint, destructiveHint, idempotentHint, openWorldHint } = annotations;
  const signals: Signal[] = [];
  const modifiers: Modifier[] = [];
  // The spec gives destructiveHint meaning only when readOnlyHint is false; when a server sets
  // both, the riskier claim is the one kept.
  if (readOnlyHint === true && destructiveHint !== true) {
    signals.push(action("annotations", "read", WEIGHTS.readOnlyHint, "annotations mark it readOnlyHint"));
  }
  if (readOnlyHint === false) {
    signals.push(
      action("annotations", "write", WEIGHTS.notReadOnlyHint, "annotations set readOnlyHint to false"),
    );
  }
  if (destructiveHint === true) {
    signals.push(
      action("annotations", "destructive", WEIGHTS.destructiveHint, "annotations mark it destructiveHint"),
    );
    modifiers.push({ kind: "may_overwrite", evidence: "annotations mark it destructiveHint" });
  }
  if (openWorldHint === true)
    modifiers.push({ kind: "open_world", evidence: "annotations mark it openWorldHint" });
  if (idempotentHint === false) {
    modifiers.push({ kind: "not_idempotent", evidence: "annotations set idempotentHint to false" });
  }
  return { signals, modifiers };
}

/** Conflicts between what annotations claim and what the rest of the evidence shows. */
export function findAnnotationConflicts(
  annotations: ToolAnnotationsInput | undefined,
  actionCategory: string,
  strongest: Signal | undefined,
): string[] {
  if (annotations === undefined || annotations === null || typeof annotations !== "object") return [];
  const conflicts: string[] = [];
  const because = strongest ? `, but ${strongest.evidence}` : "";
  if (annotations.readOnlyHint === true && annotations.destructiveHint === true) {
    conflicts.push("annotations claim both readOnlyHint and destructiveHint; readOnlyHint is not believed");
  } else if (annotations.readOnlyHint === true && actionCategory !== "read") {
    conflicts.push(`readOnlyHint is true${because}; readOnlyHint is not believed`);
  }
  if (annotations.destructiveHint === false && actionCategory === "destructive") {
    conflicts.push(`destructiveHint is false${because}; destructiveHint is not believed`);
  }
  return conflicts;
}
