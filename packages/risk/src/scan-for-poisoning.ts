import { describeInvisibleUnicode } from "./find-invisible-unicode";
import { clip, findToolReferences } from "./find-tool-references";
import {
  ACCESS_VERB,
  CONCEALMENT,
  DIRECTIVE,
  EXFILTRATION_VERB,
  IMPERATIVE_EXFILTRATION,
  INSTRUCTION_TAG,
  OVERRIDE_INSTRUCTIONS,
  PRE_USE_INSTRUCTION,
  ROLE_HIJACK,
  SECRET_PATH,
  SECRET_WORD,
} from "./poisoning-patterns";
import { schemaKeys, schemaTexts } from "./schema-walk";
import { sentencesOf } from "./tokenize";
import type { ClassifyContext, PoisoningFlag, ToolDefinitionInput } from "./types";

/** Descriptions longer than this are unusual; long texts give room to hide instructions. */
export const MAX_DESCRIPTION_CHARS = 2000;

const INSTRUCTION_PATTERNS = [
  INSTRUCTION_TAG,
  OVERRIDE_INSTRUCTIONS,
  CONCEALMENT,
  PRE_USE_INSTRUCTION,
  ROLE_HIJACK,
];

/**
 * Scans a tool's texts (description, titles, every string in its input schema) for signs of
 * tool poisoning: instructions aimed at the model, orders involving another server's tools,
 * reaching for secrets, invisible Unicode, and unusual length. Pure and deterministic.
 */
export function scanForPoisoning(tool: ToolDefinitionInput, context: ClassifyContext = {}): PoisoningFlag[] {
  const texts = collectTexts(tool);
  const otherTools = otherToolNames(tool.name, context);
  const flags: PoisoningFlag[] = [];
  for (const { text, where } of texts) {
    flags.push(...instructionFlags(text, where), ...secretFlags(text, where));
    for (const evidence of findToolReferences(text, otherTools))
      flags.push({ kind: "tool_reference", evidence, where });
    if (text.length > MAX_DESCRIPTION_CHARS) {
      const evidence = `${text.length} characters (more than ${MAX_DESCRIPTION_CHARS})`;
      flags.push({ kind: "unusual_length", evidence, where });
    }
  }
  for (const { text, where } of [
    { text: tool.name, where: "name" },
    ...texts,
    ...schemaKeys(tool.inputSchema),
  ]) {
    const evidence = describeInvisibleUnicode(text);
    if (evidence) flags.push({ kind: "invisible_unicode", evidence, where });
  }
  return flags;
}

function collectTexts(tool: ToolDefinitionInput): { text: string; where: string }[] {
  const texts = [
    { text: tool.title, where: "title" },
    { text: tool.description, where: "description" },
    { text: tool.annotations?.title, where: "annotations.title" },
  ].filter((entry): entry is { text: string; where: string } => typeof entry.text === "string");
  return [...texts, ...schemaTexts(tool.inputSchema)];
}

function otherToolNames(ownName: string, context: ClassifyContext): string[] {
  const ownServer = new Set([ownName, ...(context.sameServerToolNames ?? [])]);
  return [...new Set(context.otherToolNames ?? [])].filter((name) => !ownServer.has(name));
}

/** One flag per distinct instruction in a text; an opening and a closing tag count once. */
function instructionFlags(text: string, where: string): PoisoningFlag[] {
  const seen = new Map<string, PoisoningFlag>();
  for (const { sentence } of sentencesOf(text)) {
    const match = INSTRUCTION_PATTERNS.map((pattern) => sentence.match(pattern)).find(
      (found) => found !== null,
    );
    if (!match) continue;
    const key = match[0].toLowerCase().replace(/[\s/]+/g, "");
    if (!seen.has(key))
      seen.set(key, { kind: "hidden_instructions", evidence: `"${match[0]}" in: ${clip(sentence)}`, where });
  }
  return [...seen.values()];
}

/** A secret path next to a verb that reads or moves it, or a secret word inside an order to send it. */
function secretFlags(text: string, where: string): PoisoningFlag[] {
  const flags: PoisoningFlag[] = [];
  for (const { sentence } of sentencesOf(text)) {
    const path = sentence.match(SECRET_PATH);
    const word = sentence.match(SECRET_WORD);
    const isOrder = DIRECTIVE.test(sentence) || IMPERATIVE_EXFILTRATION.test(sentence);
    if (path && ACCESS_VERB.test(sentence)) {
      flags.push({ kind: "secret_access", evidence: `"${path[0].trim()}" in: ${clip(sentence)}`, where });
    } else if (word && EXFILTRATION_VERB.test(sentence) && isOrder) {
      flags.push({ kind: "secret_access", evidence: `"${word[0]}" in: ${clip(sentence)}`, where });
    }
  }
  return flags;
}
