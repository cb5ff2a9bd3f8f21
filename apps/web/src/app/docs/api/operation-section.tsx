import { InlineCode } from "@/components/ui/inline-code";
import type { JsonSchema } from "@/server/api/openapi/component-schemas";
import { refName, SchemaType } from "./schema-type";

const METHOD_TONES: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-900",
};

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };
type Response = { description: string; content?: { "application/json"?: { schema: JsonSchema } } };

/** The anchor of an operation on this page. */
export function operationAnchor(operation: JsonSchema): string {
  return `op-${String(operation.operationId)}`;
}

/** One endpoint: what it does, its parameters, its body and its responses. */
export function OperationSection(props: { method: string; path: string; operation: JsonSchema }) {
  const { method, path, operation } = props;
  const parameters = (operation.parameters as Parameter[] | undefined) ?? [];
  const body = (
    operation.requestBody as { content: { "application/json": { schema: JsonSchema } } } | undefined
  )?.content["application/json"].schema;
  const responses = Object.entries((operation.responses as Record<string, Response>) ?? {});
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  return (
    <section id={operationAnchor(operation)} className="scroll-mt-6 space-y-4 border-t border-slate-200 pt-6">
      <div>
        <h3 className="flex flex-wrap items-center gap-3 font-mono text-sm">
          <span
            className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${METHOD_TONES[method] ?? ""}`}
          >
            {method}
          </span>
          <span className="text-slate-900">{path}</span>
          {isPublic ? <span className="font-sans text-xs text-slate-500">no API key needed</span> : null}
        </h3>
        <p className="mt-2 font-medium text-slate-900">{String(operation.summary)}</p>
        {operation.description ? (
          <p className="mt-1 text-sm text-slate-600">
            <InlineCode text={String(operation.description)} />
          </p>
        ) : null}
      </div>
      {parameters.length ? (
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h4>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`}>
                <code className="font-mono text-xs text-slate-900">{parameter.name}</code>{" "}
                <span className="text-xs text-slate-500">
                  ({parameter.in}, <SchemaType schema={parameter.schema} />
                  {parameter.required ? ", required" : ""})
                </span>
                {parameter.description ? ` — ${parameter.description}` : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {body ? (
        <p className="text-sm text-slate-700">
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Body </span>
          <code className="font-mono text-xs">
            <SchemaType schema={body} />
          </code>
        </p>
      ) : null}
      <div>
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</h4>
        <ul className="mt-1 space-y-1 text-sm text-slate-700">
          {responses.map(([status, response]) => {
            const schema = response.content?.["application/json"]?.schema;
            return (
              <li key={status}>
                <code className="font-mono text-xs font-semibold text-slate-900">{status}</code>{" "}
                {schema && refName(schema) ? (
                  <code className="font-mono text-xs">
                    <SchemaType schema={schema} />
                  </code>
                ) : null}{" "}
                — <InlineCode text={response.description} />
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
