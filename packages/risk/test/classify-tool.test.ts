import { describe, expect, it } from "vitest";
import { classifyTool } from "../src/classify-tool";
import type { RiskCategory, ToolDefinitionInput } from "../src/types";

describe("classifyTool: the name's verbs and nouns", () => {
  it.each<[string, string, RiskCategory]>([
    ["snake_case read", "list_files", "read"],
    ["camelCase read", "getUser", "read"],
    ["kebab-case read", "search-issues", "read"],
    ["namespace prefix before the verb", "slack_post_message", "write"],
    ["destructive verb", "delete_user", "destructive"],
    ["destructive verb after a prefix", "kubectl_delete", "destructive"],
    ["revoke is destructive", "revoke_token", "destructive"],
    ["execute verb", "run_script", "execute"],
    ["deploy is execute", "deployApp", "execute"],
    ["financial verb", "charge_customer", "financial"],
    ["write verb on a money noun", "create_refund", "financial"],
    ["transfer of money", "transfer_funds", "financial"],
    ["transfer of something else", "transfer_repository", "write"],
    ["read verb on a money noun stays read", "list_invoices", "read"],
    ["'run' after the verb is a noun", "get_run", "read"],
    ["an auxiliary defers to the next verb", "start_search", "read"],
    ["an auxiliary before a runnable noun", "start_process", "execute"],
    ["the riskier of two joined verbs", "get_or_create_user", "write"],
    ["an HTTP method before the real verb", "API-post-search", "read"],
    ["an HTTP method before a noun", "API-post-page", "write"],
  ])("%s: %s → %s", (_case, name, expected) => {
    expect(classifyTool({ name }).category).toBe(expected);
  });

  it("reads a noun-verb such as 'request' as a verb only when it opens the name", () => {
    const tool = { name: "browser_network_request", annotations: { readOnlyHint: true } };
    expect(classifyTool(tool).category).toBe("read");
    expect(classifyTool({ name: "request_review" }).category).toBe("write");
  });

  it("is not fooled by invisible characters inside a verb", () => {
    const result = classifyTool({ name: "del\u200Bete_user" });
    expect(result.category).toBe("destructive");
    expect(result.flags.map((flag) => flag.kind)).toContain("invisible_unicode");
  });
});

describe("classifyTool: descriptions", () => {
  it.each<[string, ToolDefinitionInput, RiskCategory]>([
    [
      "a description verb when the name has none",
      { name: "records", description: "Deletes matching records." },
      "destructive",
    ],
    [
      "a lead-in before the verb",
      { name: "thing", description: "This tool will create a customer in the CRM." },
      "write",
    ],
    ["shell commands", { name: "helper", description: "Executes a shell command on the host." }, "execute"],
    ["read-only beats 'Run'", { name: "query", description: "Run a read-only SQL query" }, "read"],
    [
      "irreversible wording overrides a harmless name",
      { name: "fetch_data", description: "Deletes the dataset permanently; this cannot be undone." },
      "destructive",
    ],
    [
      "a plural noun in a sentence that does not open with a verb",
      {
        name: "trigger-op",
        description: "Demonstrates an operation with progress updates.",
        annotations: { readOnlyHint: true },
      },
      "read",
    ],
    [
      "markup around the prose",
      { name: "migrate", description: "<use_case>Deletes old rows.</use_case>" },
      "destructive",
    ],
    [
      "listed verbs count",
      { name: "browser_tabs", description: "List, create, close, or select a tab." },
      "write",
    ],
  ])("%s", (_case, tool, expected) => {
    expect(classifyTool(tool).category).toBe(expected);
  });

  it("cites the evidence in one paragraph", () => {
    const result = classifyTool({
      name: "delete_model_version",
      description: "Delete a model version. The version is permanently removed.",
      annotations: { destructiveHint: true },
    });
    expect(result.rationale).toMatch(/^Classified as destructive: the name starts with the verb "delete"/);
    expect(result.rationale).toContain('the description says "permanently"');
    expect(result.rationale).toContain("annotations mark it destructiveHint");
    expect(result.rationale).not.toContain("\n");
    expect(result.severity).toBe("critical");
  });

  it("says when riskier evidence overrides the name", () => {
    const result = classifyTool({ name: "fetch_data", description: "Deletes the dataset permanently." });
    expect(result.rationale).toContain("The name alone suggests read");
  });
});

describe("classifyTool: input schema shapes", () => {
  const schema = (properties: Record<string, unknown>) => ({ type: "object", properties });

  it.each<[string, ToolDefinitionInput, RiskCategory]>([
    ["a command string", { name: "tool_a", inputSchema: schema({ command: { type: "string" } }) }, "execute"],
    ["a script", { name: "tool_b", inputSchema: schema({ script: { type: "string" } }) }, "execute"],
    ["a path and content", { name: "tool_c", inputSchema: schema({ path: {}, content: {} }) }, "write"],
    [
      "an amount and a currency on a write",
      { name: "submit", inputSchema: schema({ amount: { type: "integer" }, currency: { type: "string" } }) },
      "financial",
    ],
    [
      "a nested amount and currency",
      {
        name: "create_thing",
        inputSchema: schema({ price: { type: "object", properties: { value: {}, currency_code: {} } } }),
      },
      "financial",
    ],
    [
      "a destructive switch",
      { name: "node_ops", inputSchema: schema({ deleteLocalData: { type: "boolean" } }) },
      "destructive",
    ],
    [
      "a command on a read tool stays read",
      { name: "get_logs", inputSchema: schema({ command: { type: "string" } }) },
      "read",
    ],
  ])("%s", (_case, tool, expected) => {
    expect(classifyTool(tool).category).toBe(expected);
  });

  it("ignores a 'code' that is a number or an amount without a currency", () => {
    const tool = {
      name: "update_item",
      inputSchema: schema({ code: { type: "integer" }, amount: { type: "number" } }),
    };
    expect(classifyTool(tool).category).toBe("write");
  });

  it("survives schemas that are not objects", () => {
    for (const inputSchema of [null, 42, "x", [], { properties: [] }, { properties: { a: null } }]) {
      expect(classifyTool({ name: "get_x", inputSchema }).category).toBe("read");
    }
  });
});
