/** A JSON object, as far as an untrusted schema can be trusted to be one. */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One property of an input schema, at any depth. */
export type SchemaProperty = { key: string; path: string; schema: JsonObject; depth: number };

const NESTING_KEYS = ["items", "anyOf", "oneOf", "allOf", "additionalProperties"] as const;

/** Every named property of a JSON schema, depth first, up to `maxDepth` levels of nesting. */
export function schemaProperties(schema: unknown, maxDepth = 4): SchemaProperty[] {
  const found: SchemaProperty[] = [];
  visit(schema, "inputSchema", 0, maxDepth, found);
  return found;
}

function visit(node: unknown, path: string, depth: number, maxDepth: number, found: SchemaProperty[]): void {
  if (!isJsonObject(node) || depth > maxDepth) return;
  const properties = node.properties;
  if (isJsonObject(properties)) {
    for (const [key, child] of Object.entries(properties)) {
      if (!isJsonObject(child)) continue;
      const childPath = `${path}.properties.${key}`;
      found.push({ key, path: childPath, schema: child, depth });
      visit(child, childPath, depth + 1, maxDepth, found);
    }
  }
  for (const nestingKey of NESTING_KEYS) {
    const nested = node[nestingKey];
    const branches = Array.isArray(nested) ? nested : [nested];
    branches.forEach((branch, index) => {
      const branchPath = Array.isArray(nested) ? `${path}.${nestingKey}.${index}` : `${path}.${nestingKey}`;
      visit(branch, branchPath, depth, maxDepth, found);
    });
  }
}

/** Whether a property can hold text or a list (a command may be a string or an argv array). */
export function acceptsText(schema: JsonObject): boolean {
  const types = typeOf(schema);
  return types.length === 0 || types.includes("string") || types.includes("array");
}

/** Whether a property is a boolean switch. */
export function isBoolean(schema: JsonObject): boolean {
  const types = typeOf(schema);
  return types.length > 0 && types.every((type) => type === "boolean" || type === "null");
}

function typeOf(schema: JsonObject): string[] {
  const type = schema.type;
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((entry): entry is string => typeof entry === "string");
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union)) return union.flatMap((branch) => (isJsonObject(branch) ? typeOf(branch) : []));
  return [];
}

/** Every string in a schema with its path: descriptions, titles, defaults, enums, examples. */
export function schemaTexts(
  schema: unknown,
  path = "inputSchema",
  depth = 0,
): { text: string; where: string }[] {
  if (depth > 12) return [];
  if (typeof schema === "string") return [{ text: schema, where: path }];
  if (Array.isArray(schema))
    return schema.flatMap((item, index) => schemaTexts(item, `${path}.${index}`, depth + 1));
  if (!isJsonObject(schema)) return [];
  return Object.entries(schema).flatMap(([key, value]) => schemaTexts(value, `${path}.${key}`, depth + 1));
}

/** Every object key in a schema with its path; a key can hide characters just as a value can. */
export function schemaKeys(
  schema: unknown,
  path = "inputSchema",
  depth = 0,
): { text: string; where: string }[] {
  if (depth > 12) return [];
  if (Array.isArray(schema))
    return schema.flatMap((item, index) => schemaKeys(item, `${path}.${index}`, depth + 1));
  if (!isJsonObject(schema)) return [];
  return Object.entries(schema).flatMap(([key, value]) => [
    { text: key, where: `${path}.${key} (key)` },
    ...schemaKeys(value, `${path}.${key}`, depth + 1),
  ]);
}
