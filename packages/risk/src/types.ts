/** MCP tool annotations as a server sends them: hints, never guarantees. */
export type ToolAnnotationsInput = {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
  title?: string;
};

/** A tool as `tools/list` describes it; everything here is written by an untrusted server. */
export type ToolDefinitionInput = {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: unknown;
  annotations?: ToolAnnotationsInput;
};

/** Risk categories from least to most risky; the order is the precedence used on ties. */
export const RISK_CATEGORIES = ["read", "write", "execute", "destructive", "financial"] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export type Severity = "low" | "medium" | "high" | "critical";
export type Confidence = "high" | "moderate" | "low";

export type SignalSource = "name" | "description" | "schema" | "annotations";

/**
 * One piece of evidence. An `action` signal votes for what the tool does; an `object` signal
 * says it acts on money, which turns a state-changing action into `financial`.
 */
export type Signal = {
  source: SignalSource;
  kind: "action" | "object";
  category: RiskCategory;
  weight: number;
  evidence: string;
};

export type PoisoningKind =
  | "hidden_instructions"
  | "tool_reference"
  | "secret_access"
  | "invisible_unicode"
  | "unusual_length";

/** A suspicious passage in a tool's texts; `where` is a path such as `inputSchema.properties.x.description`. */
export type PoisoningFlag = { kind: PoisoningKind; evidence: string; where: string };

export type RiskAssessment = {
  category: RiskCategory;
  severity: Severity;
  confidence: Confidence;
  rationale: string;
  signals: Signal[];
  flags: PoisoningFlag[];
  annotationConflicts: string[];
};

export type ClassifyContext = {
  /** Names of tools that other servers expose to the same agent (shadowing targets). */
  otherToolNames?: string[];
  /** Names this tool's own server exposes; references to them are ordinary cross-references. */
  sameServerToolNames?: string[];
};
