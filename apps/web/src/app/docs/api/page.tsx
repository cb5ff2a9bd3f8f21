import type { Metadata } from "next";
import { InlineCode } from "@/components/ui/inline-code";
import { getOpenApiDocument } from "@/server/api/openapi/build-openapi-document";
import type { JsonSchema } from "@/server/api/openapi/component-schemas";
import { OperationSection, operationAnchor } from "./operation-section";
import { SchemaFields } from "./schema-fields";
import { schemaAnchor } from "./schema-type";

export const metadata: Metadata = { title: "REST API" };

type Entry = { method: string; path: string; operation: JsonSchema };

/** The REST API reference, rendered on the server from the same OpenAPI document the API serves. */
export default function ApiDocsPage() {
  const document = getOpenApiDocument();
  const entries: Entry[] = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method, path, operation })),
  );
  const byTag = document.tags.map((tag) => ({
    ...tag,
    entries: entries.filter(({ operation }) => (operation.tags as string[])[0] === tag.name),
  }));
  return (
    <div className="mx-auto max-w-5xl space-y-10 px-6 py-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{document.info.title}</h1>
        <p className="text-slate-700">
          <InlineCode text={document.info.description} />
        </p>
        <p className="text-sm text-slate-600">
          Machine-readable:{" "}
          <a href="/api/v1/openapi.json" className="font-medium text-indigo-600 hover:underline">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI {document.openapi}). Create a key under{" "}
          <a href="/settings/api-keys" className="font-medium text-indigo-600 hover:underline">
            Settings → API keys
          </a>
          .
        </p>
        <pre className="overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs text-slate-100">
          {`curl -H "Authorization: Bearer $GATEHOUSE_API_KEY" \\\n  -H "Content-Type: application/json" \\\n  -d '{"document": {"version": "1", "default": "deny", "tools": {}}}' \\\n  https://gatehouse.example.com/api/v1/policies/validate`}
        </pre>
      </header>

      <nav aria-label="Endpoints" className="grid gap-6 sm:grid-cols-2">
        {byTag.map((tag) => (
          <div key={tag.name}>
            <h2 className="text-sm font-semibold text-slate-900">{tag.name}</h2>
            <ul className="mt-1 space-y-0.5 text-sm">
              {tag.entries.map(({ method, path, operation }) => (
                <li key={`${method} ${path}`}>
                  <a href={`#${operationAnchor(operation)}`} className="text-indigo-600 hover:underline">
                    <span className="inline-block w-10 font-mono text-xs uppercase text-slate-500">
                      {method}
                    </span>
                    {path}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>

      {byTag.map((tag) => (
        <section key={tag.name} className="space-y-6">
          <div>
            <h2 className="text-xl font-semibold text-slate-900">{tag.name}</h2>
            <p className="text-sm text-slate-600">{tag.description}</p>
          </div>
          {tag.entries.map((entry) => (
            <OperationSection key={`${entry.method} ${entry.path}`} {...entry} />
          ))}
        </section>
      ))}

      <section className="space-y-6">
        <h2 className="text-xl font-semibold text-slate-900">Schemas</h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <div
            key={name}
            id={schemaAnchor(name)}
            className="scroll-mt-6 space-y-2 border-t border-slate-200 pt-4"
          >
            <h3 className="font-mono text-sm font-semibold text-slate-900">{name}</h3>
            {typeof schema.description === "string" ? (
              <p className="text-sm text-slate-600">{schema.description}</p>
            ) : null}
            <div className="overflow-x-auto">
              <SchemaFields schema={schema} />
            </div>
          </div>
        ))}
      </section>
    </div>
  );
}
