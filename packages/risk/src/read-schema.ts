import { action, type Evidence, type Modifier, moneyObject, WEIGHTS } from "./evidence";
import { VERB_CATEGORY } from "./lexicon";
import { acceptsText, isBoolean, type SchemaProperty, schemaProperties } from "./schema-walk";
import { splitName } from "./tokenize";
import type { Signal } from "./types";

const CODE_KEYS = new Set([
  "command",
  "commands",
  "cmd",
  "script",
  "code",
  "shell",
  "javascript",
  "js",
  "program",
]);
const PATH_KEYS = new Set(["path", "filepath", "file_path", "filename", "file_name", "file"]);
const CONTENT_KEYS = new Set(["content", "contents", "data", "text", "body"]);
const AMOUNT_WORDS = new Set(["amount", "price", "cost", "fee", "balance"]);
const BULK_OPTIONS = new Set(["all", "recursive", "force"]);

/**
 * Reads the input schema's shape: a command or script to run, a path plus content to write,
 * an amount plus a currency, and switches such as `deleteLocalData` or `allNamespaces`.
 */
export function readSchema(inputSchema: unknown): Evidence {
  const properties = schemaProperties(inputSchema);
  const topLevel = properties.filter((property) => property.depth === 0);
  const signals: Signal[] = [];
  const code = topLevel.find(
    (property) => CODE_KEYS.has(property.key.toLowerCase()) && acceptsText(property.schema),
  );
  if (code) {
    signals.push(
      action("schema", "execute", WEIGHTS.schemaShape, `the input schema has a "${code.key}" property`),
    );
  }
  const path = topLevel.find((property) => PATH_KEYS.has(property.key.toLowerCase()));
  const content = topLevel.find((property) => CONTENT_KEYS.has(property.key.toLowerCase()));
  if (path && content) {
    const evidence = `the input schema takes "${path.key}" and "${content.key}"`;
    signals.push(action("schema", "write", WEIGHTS.schemaWrite, evidence));
  }
  const money = moneySignal(properties);
  if (money) signals.push(money);
  const destructive = topLevel.find(
    (property) =>
      isBoolean(property.schema) && VERB_CATEGORY.get(splitName(property.key)[0] ?? "") === "destructive",
  );
  if (destructive) {
    const evidence = `the input schema has the option "${destructive.key}"`;
    signals.push(action("schema", "destructive", WEIGHTS.schemaOption, evidence));
  }
  return { signals, modifiers: bulkModifiers(topLevel) };
}

/** An amount and a currency anywhere in the schema mean money changes hands. */
function moneySignal(properties: SchemaProperty[]): Signal | undefined {
  const currency = properties.find((property) => splitName(property.key).includes("currency"));
  const amount = properties.find((property) =>
    splitName(property.key).some((word) => AMOUNT_WORDS.has(word)),
  );
  if (!currency || !amount) return undefined;
  const evidence = `the input schema takes an amount ("${amount.key}") and a currency ("${currency.key}")`;
  return moneyObject("schema", WEIGHTS.schemaShape, evidence);
}

function bulkModifiers(topLevel: SchemaProperty[]): Modifier[] {
  const option = topLevel.find(
    (property) => isBoolean(property.schema) && BULK_OPTIONS.has(splitName(property.key)[0] ?? ""),
  );
  return option ? [{ kind: "bulk", evidence: `the input schema has the option "${option.key}"` }] : [];
}
