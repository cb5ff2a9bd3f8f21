import { recommendPolicy } from "@gatehouse/core/catalogue/recommend-policy";
import type { FieldError } from "@gatehouse/core/errors/gatehouse-error";
import { MLFLOW_TEMPLATE } from "@gatehouse/core/templates/mlflow-template";
import { classifyTool } from "@gatehouse/risk/classify-tool";
import type { ToolDefinitionInput } from "@gatehouse/risk/types";
import { formatPolicyDocument } from "@/lib/policy-json";
import type { CatalogueRow } from "@/lib/tool-catalogue";

/** A known MCP server people can start from, with what the dashboard adds to core's definition. */
export type ServerTemplate = typeof MLFLOW_TEMPLATE & {
  /** The name the registration form is pre-filled with. */
  serverName: string;
};

const TEMPLATES: Record<string, ServerTemplate> = {
  mlflow: { ...MLFLOW_TEMPLATE, serverName: "MLflow" },
};

/** The template with this id, or undefined for anything else (including a missing id). */
export function findServerTemplate(id: string | undefined): ServerTemplate | undefined {
  return id !== undefined && Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id] : undefined;
}

/** Every template, for links to them. */
export function listServerTemplates(): ServerTemplate[] {
  return Object.values(TEMPLATES);
}

/** The template's tools classified as they will be once discovered, as tools-table rows. */
export function classifyTemplateTools(template: ServerTemplate): CatalogueRow[] {
  const sameServerToolNames = template.tools.map((tool) => tool.name);
  return template.tools.map((tool) => {
    const assessment = classifyTool(tool as ToolDefinitionInput, { sameServerToolNames });
    const conflicts = assessment.annotationConflicts.map((evidence) => ({
      kind: "annotation_conflict",
      evidence,
      where: "annotations",
    }));
    return {
      id: tool.name,
      name: tool.name,
      title: tool.title ?? null,
      description: tool.description ?? null,
      category: assessment.category,
      severity: assessment.severity,
      rationale: assessment.rationale,
      flags: [...assessment.flags, ...conflicts],
      status: { isRemoved: false, isAwaitingApproval: false, isNew: false },
    };
  });
}

/** The policy recommended for the template's classified tools, formatted as the editor shows it. */
export function recommendTemplatePolicy(rows: CatalogueRow[]): string {
  return formatPolicyDocument(recommendPolicy(rows));
}

/**
 * The template's required environment variables that are missing or empty, as errors against
 * the form's env field ("MLFLOW_TRACKING_URI is required by the MLflow server.").
 */
export function findMissingEnv(template: ServerTemplate, env: Record<string, string>): FieldError[] {
  return template.requiredEnv
    .filter((name) => !env[name]?.trim())
    .map((name) => ({ field: "env", message: `${name} is required by the ${template.serverName} server.` }));
}
