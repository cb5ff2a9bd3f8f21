import { hashToolDefinition, type ToolDefinition } from "@gatehouse/core/catalogue/tool-definition-hash";
import { describe, expect, it } from "vitest";

const base: ToolDefinition = {
  name: "copy_model_version",
  title: "Copy model version",
  description: "Copies a model version to another registry.",
  inputSchema: {
    type: "object",
    properties: { from: { type: "string" }, to: { type: "string" }, tags: { type: "array" } },
    required: ["from", "to"],
  },
  annotations: { destructiveHint: false, readOnlyHint: false },
};

describe("tool definition hash", () => {
  it("is a SHA-256 hex digest that key order does not change, at any depth", () => {
    const reordered: ToolDefinition = {
      annotations: { readOnlyHint: false, destructiveHint: false },
      inputSchema: {
        required: ["from", "to"],
        properties: { tags: { type: "array" }, to: { type: "string" }, from: { type: "string" } },
        type: "object",
      },
      description: base.description,
      title: base.title,
      name: base.name,
    };
    expect(hashToolDefinition(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToolDefinition(reordered)).toBe(hashToolDefinition(base));
  });

  it("ignores fields outside the definition and treats undefined like absent", () => {
    const withExtra = { ...base, _meta: { ui: "x" }, outputSchema: { type: "object" } } as ToolDefinition;
    expect(hashToolDefinition(withExtra)).toBe(hashToolDefinition(base));
    const { title: _title, ...withoutTitle } = base;
    expect(hashToolDefinition({ ...withoutTitle, title: undefined })).toBe(hashToolDefinition(withoutTitle));
  });

  it.each<[string, Partial<ToolDefinition>]>([
    ["name", { name: "copy_model_version2" }],
    ["title", { title: "Copy a model version" }],
    ["title removed", { title: undefined }],
    ["description", { description: "Copies a model version." }],
    ["input schema property type", { inputSchema: { ...(base.inputSchema as object), type: "array" } }],
    [
      "required order (arrays keep their order)",
      { inputSchema: { ...(base.inputSchema as object), required: ["to", "from"] } },
    ],
    ["annotations", { annotations: { destructiveHint: true, readOnlyHint: false } }],
    ["annotations removed", { annotations: undefined }],
  ])("changes when the %s changes", (_label, change) => {
    expect(hashToolDefinition({ ...base, ...change })).not.toBe(hashToolDefinition(base));
  });
});
