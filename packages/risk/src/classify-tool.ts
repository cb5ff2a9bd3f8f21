import { decideCategory } from "./decide-category";
import type { Evidence } from "./evidence";
import { explainCategory, explainConflicts, explainSeverity } from "./explain-category";
import { rateConfidence } from "./rate-confidence";
import { rateSeverity } from "./rate-severity";
import { findAnnotationConflicts, readAnnotations } from "./read-annotations";
import { readDescription } from "./read-description";
import { readName } from "./read-name";
import { readSchema } from "./read-schema";
import { scanForPoisoning } from "./scan-for-poisoning";
import type { ClassifyContext, RiskAssessment, ToolDefinitionInput } from "./types";

/** Flags that mean a tool's texts try to steer the model; unusual length alone does not. */
const STEERING_FLAGS = new Set([
  "hidden_instructions",
  "tool_reference",
  "secret_access",
  "invisible_unicode",
]);

/**
 * Classifies what a tool can do from its definition alone: its name, description, input schema
 * and annotations. Pure and deterministic; annotations are weighed, never trusted.
 */
export function classifyTool(tool: ToolDefinitionInput, context: ClassifyContext = {}): RiskAssessment {
  const description = typeof tool.description === "string" ? tool.description : "";
  const evidence: Evidence[] = [
    readName(typeof tool.name === "string" ? tool.name : ""),
    readDescription(description),
    readSchema(tool.inputSchema),
    readAnnotations(tool.annotations),
  ];
  const signals = evidence.flatMap((part) => part.signals);
  const modifiers = evidence.flatMap((part) => part.modifiers);
  const decision = decideCategory(signals);
  const annotationConflicts = findAnnotationConflicts(tool.annotations, decision.action, decision.support[0]);
  const flags = scanForPoisoning(tool, context);
  const isPoisoned = flags.some((flag) => STEERING_FLAGS.has(flag.kind));
  const { severity, reasons } = rateSeverity({ category: decision.category, modifiers, isPoisoned });
  const { confidence, explanation } = rateConfidence({
    decision,
    signals,
    hasDescription: description.trim().length > 0,
    annotationConflicts,
    isPoisoned,
  });
  const rationale = [
    explainCategory(decision),
    explainConflicts(annotationConflicts),
    explainSeverity(severity, reasons),
    explanation,
  ]
    .filter((sentence) => sentence.length > 0)
    .join(" ");
  return {
    category: decision.category,
    severity,
    confidence,
    rationale,
    signals,
    flags,
    annotationConflicts,
  };
}
