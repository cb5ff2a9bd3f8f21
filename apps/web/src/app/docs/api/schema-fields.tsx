import type { JsonSchema } from "@/server/api/openapi/component-schemas";
import { describeConstraints, SchemaType } from "./schema-type";

/** A schema's fields as a table; a union of objects is shown as one table per alternative. */
export function SchemaFields({ schema }: { schema: JsonSchema }) {
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants) && variants.every((variant) => variant.type === "object")) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">One of:</p>
        {variants.map((variant, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: alternatives are fixed and never reorder.
          <SchemaFields key={index} schema={variant} />
        ))}
      </div>
    );
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (schema.type !== "object" || !properties) {
    return (
      <p className="text-sm text-slate-700">
        <code className="font-mono text-xs">
          <SchemaType schema={schema} />
        </code>
        {schema.description ? ` — ${String(schema.description)}` : null}
      </p>
    );
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <table className="min-w-full divide-y divide-slate-200 text-sm">
      <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
        <tr>
          <th className="w-56 py-2 pr-4">Field</th>
          <th className="w-56 py-2 pr-4">Type</th>
          <th className="py-2">Description</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {Object.entries(properties).map(([name, property]) => (
          <tr key={name}>
            <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs text-slate-900">
              {name}
              {required.has(name) ? null : <span className="ml-1 font-sans text-slate-400">optional</span>}
            </td>
            <td className="py-2 pr-4 font-mono text-xs text-slate-700">
              <SchemaType schema={property} />
            </td>
            <td className="py-2 text-slate-600">
              {typeof property.description === "string" ? property.description : null}
              <Constraints schema={property} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Constraints({ schema }: { schema: JsonSchema }) {
  const notes = describeConstraints(schema);
  if (notes.length === 0) return null;
  return <div className="text-xs text-slate-500">{notes.join("; ")}</div>;
}
