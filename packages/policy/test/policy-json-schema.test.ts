import { describe, expect, it } from "vitest";
import { CONDITION_OPS } from "../src/condition-ops";
import { RE2_SYNTAX_URL } from "../src/describe-regex-error";
import { ENTRY_ACTIONS } from "../src/entry-schema";
import { LIMIT_SCOPES } from "../src/limit-schema";
import { POLICY_SCHEMA_ID, policyJsonSchema } from "../src/policy-json-schema";
import { RISK_CATEGORIES } from "../src/policy-schema";
import { FULL_POLICY } from "./policy-examples";
import { SEED_POLICY } from "./policy-fixtures";

type Node = {
  type?: string;
  $ref?: string;
  description?: string;
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: Node | boolean;
  propertyNames?: Node;
  items?: Node;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  oneOf?: Node[];
  anyOf?: Node[];
};

const schema = policyJsonSchema() as Node & { $schema: string; $id: string; $defs: Record<string, Node> };
const def = (name: string): Node => schema.$defs[name] ?? {};

// Follows "$ref"s so the document's keys can be checked against the schema's properties.
function resolve(node: Node | undefined): Node {
  const ref = node?.$ref?.replace("#/$defs/", "");
  return ref === undefined ? (node ?? {}) : resolve(def(ref));
}

function expectKeysDescribed(node: Node, value: Record<string, unknown>) {
  for (const key of Object.keys(value)) expect(node.properties?.[key], key).toBeDefined();
  for (const key of node.required ?? []) expect(value, key).toHaveProperty(key);
}

describe("policyJsonSchema", () => {
  it("is a draft 2020-12 schema with the published id", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(POLICY_SCHEMA_ID);
    expect(schema.$id).toBe("https://gatehouse.dev/schemas/policy-v1.json");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["version", "default"]);
  });

  it("describes every top-level field with enums matching the parser", () => {
    const properties = schema.properties ?? {};
    expect(Object.keys(properties)).toEqual([
      "version",
      "default",
      "mode",
      "on_tool_change",
      "log_arguments",
      "approval",
      "hide",
      "all_tools",
      "categories",
      "tools",
      "resources",
      "prompts",
    ]);
    for (const [key, node] of Object.entries(properties)) expect(node.description, key).toBeTruthy();
    expect(properties.version?.const).toBe("1");
    expect(properties.default?.enum).toEqual(["deny", "allow"]);
    expect(properties.mode?.enum).toEqual(["enforce", "shadow"]);
    expect(properties.on_tool_change?.enum).toEqual(["block", "allow"]);
    expect(properties.log_arguments?.enum).toEqual(["keys", "redacted", "full"]);
    expect(properties.log_arguments?.default).toBe("keys");
    expect(properties.categories?.propertyNames?.enum).toEqual([...RISK_CATEGORIES]);
    expect(resolve(properties.tools?.additionalProperties as Node)).toBe(def("PolicyEntry"));
  });

  it("describes entries, limits and conditions", () => {
    const entry = def("PolicyEntry");
    expect(entry.additionalProperties).toBe(false);
    expect(entry.properties?.action?.enum).toEqual([...ENTRY_ACTIONS]);
    const limit = def("PolicyLimit");
    expect(limit.required).toEqual(["counter", "window", "max"]);
    expect(limit.properties?.scope?.enum).toEqual([...LIMIT_SCOPES]);
    expect(limit.properties?.window?.anyOf?.[0]?.enum).toEqual(["second", "minute", "hour", "day"]);
    const ops = (def("PolicyCondition").oneOf ?? []).map((branch) => branch.properties?.op?.const);
    expect(ops).toEqual([...CONDITION_OPS]);
  });

  it("tells editors that regex values are RE2, so authors do not reach for lookaround", () => {
    const regex = (def("PolicyCondition").oneOf ?? []).find(
      (branch) => branch.properties?.op?.const === "regex",
    );
    expect(regex?.properties?.value?.description).toBe(
      `An RE2 regular expression (${RE2_SYNTAX_URL}), at most 500 characters, matched anywhere in the ` +
        'string unless anchored with "^" or "$". RE2 matches in linear time, so lookaround and ' +
        "backreferences are not available.",
    );
  });

  it.each([
    ["the seed policy", SEED_POLICY],
    ["the full example", FULL_POLICY],
  ])("has a property for every key of %s", (_name, policy) => {
    expectKeysDescribed(schema, policy);
    for (const entry of Object.values(policy.tools) as Record<string, unknown>[]) {
      expectKeysDescribed(def("PolicyEntry"), entry);
      for (const limit of (entry.limits ?? []) as Record<string, unknown>[])
        expectKeysDescribed(def("PolicyLimit"), limit);
    }
  });
});
