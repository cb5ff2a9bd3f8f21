import type { ReactNode } from "react";
import type { JsonSchema } from "@/server/api/openapi/component-schemas";

const REF_PREFIX = "#/components/schemas/";

/** The anchor of a named schema on this page. */
export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

/** The name a `$ref` points to, or undefined for an inline schema. */
export function refName(schema: JsonSchema): string | undefined {
  const ref = schema.$ref;
  return typeof ref === "string" && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
}

/** A short, readable type for a JSON Schema, e.g. `string | null`, `Grant[]`, `"allow" | "deny"`; names link to their schema. */
export function SchemaType({ schema }: { schema: JsonSchema | undefined }): ReactNode {
  if (
    !schema ||
    Object.keys(schema).length === 0 ||
    (schema.description && Object.keys(schema).length === 1)
  ) {
    return "any JSON";
  }
  const name = refName(schema);
  if (name) {
    return (
      <a href={`#${schemaAnchor(name)}`} className="text-indigo-600 hover:underline">
        {name}
      </a>
    );
  }
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants)) return joined(variants);
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "array") {
    return (
      <>
        <SchemaType schema={schema.items as JsonSchema | undefined} />
        []
      </>
    );
  }
  if (schema.type === "object" && !schema.properties && schema.additionalProperties) {
    const values = schema.additionalProperties as JsonSchema;
    return Object.keys(values).length ? (
      <>
        map of <SchemaType schema={values} />
      </>
    ) : (
      "object"
    );
  }
  return typeof schema.type === "string" ? schema.type : "object";
}

function joined(variants: JsonSchema[]): ReactNode {
  return variants.map((variant, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: alternatives are fixed and never reorder.
    <span key={index}>
      {index > 0 ? " | " : null}
      <SchemaType schema={variant} />
    </span>
  ));
}

/** Limits worth telling a caller: lengths, ranges, formats, patterns and defaults. */
export function describeConstraints(schema: JsonSchema): string[] {
  const notes: string[] = [];
  if (typeof schema.format === "string") notes.push(schema.format);
  if (typeof schema.minLength === "number") notes.push(`at least ${characters(schema.minLength)}`);
  if (typeof schema.maxLength === "number") notes.push(`at most ${characters(schema.maxLength)}`);
  if (typeof schema.minimum === "number") notes.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === "number") notes.push(`> ${schema.exclusiveMinimum}`);
  // zod bounds every integer by the largest safe one; that says nothing to a reader.
  if (typeof schema.maximum === "number" && schema.maximum < Number.MAX_SAFE_INTEGER) {
    notes.push(`≤ ${schema.maximum}`);
  }
  if (typeof schema.pattern === "string") notes.push(`matches ${schema.pattern}`);
  if ("default" in schema) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}

function characters(count: number): string {
  return count === 1 ? "1 character" : `${count} characters`;
}
