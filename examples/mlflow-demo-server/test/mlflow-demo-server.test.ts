import { readFileSync } from "node:fs";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOOL_DEFINITIONS_URL } from "../src/tool-definitions";
import { type ConnectedClient, connectClient, parseText, type TransportName } from "./connect-client";

const expectedTools: unknown = JSON.parse(readFileSync(TOOL_DEFINITIONS_URL, "utf8"));
const transports: TransportName[] = ["stdio", "http"];

describe.each(transports)("mlflow-demo-server over %s, with the real MCP SDK client", (transport) => {
  let connected: ConnectedClient;
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await connected.client.callTool({ name, arguments: args })) as CallToolResult;
  const modelNames = async () => {
    const models = await call("get_registered_models");
    return (models.structuredContent?.result as { name: string }[] | undefined)?.map((model) => model.name);
  };

  beforeAll(async () => {
    connected = await connectClient(transport);
  });
  afterAll(async () => {
    await connected?.close();
  });

  it("lists exactly the 40 real tool definitions, deep-equal to the stored JSON", async () => {
    const { tools } = await connected.client.listTools();
    expect(tools).toHaveLength(40);
    expect(tools).toEqual(expectedTools);
  });

  it("copy_model_version creates a new version in the destination model, visible to get and search", async () => {
    const copied = await call("copy_model_version", {
      src_model_name: "churn-classifier",
      src_version: "3",
      dst_model_name: "churn-classifier-prod",
    });
    expect(copied.isError).toBe(false);
    expect(parseText(copied)).toMatchObject({
      name: "churn-classifier-prod",
      version: "1",
      source: "models:/churn-classifier/3",
      run_id: "3f9b4c1e5d6a4b7c0e8f9a1b2c3d4e04",
    });

    const versions = await call("get_model_versions", { model_name: "churn-classifier-prod" });
    expect(versions.structuredContent).toMatchObject({
      result: [{ name: "churn-classifier-prod", version: "1", current_stage: "None" }],
    });
    const detail = parseText(
      await call("get_model_version", { model_name: "churn-classifier-prod", version: "1" }),
    );
    expect(detail).toMatchObject({
      tags: { validation_status: "approved" },
      run_metrics: { "test/auc": 0.874 },
    });
    expect(await modelNames()).toContain("churn-classifier-prod");
  });

  it("set_registered_model_tag and set_run_tag write tags that reads return", async () => {
    const tagged = await call("set_registered_model_tag", {
      name: "fraud-detector",
      key: "owner",
      value: "sami",
    });
    expect(parseText(tagged)).toEqual({ success: true, name: "fraud-detector", key: "owner", value: "sami" });
    expect(parseText(await call("get_registered_model", { name: "fraud-detector" }))).toMatchObject({
      tags: { owner: "sami", team: "risk-ml" },
    });

    const runId = "5b1d6e3a7f8c4d9e2a0b1c3d4e5f6a06";
    await call("set_run_tag", { run_id: runId, key: "reviewed_by", value: "lee" });
    expect(parseText(await call("get_run", { run_id: runId }))).toMatchObject({
      tags: { reviewed_by: "lee" },
    });
    const found = await call("search_runs_by_tags", { experiment_id: "2", tags: { reviewed_by: "lee" } });
    expect(found.structuredContent).toMatchObject({ result: [{ run_id: runId }] });
  });

  it("delete_registered_model removes the model and all its versions", async () => {
    const deleted = await call("delete_registered_model", { name: "fraud-detector-legacy" });
    expect(parseText(deleted)).toEqual({ success: true, name: "fraud-detector-legacy" });

    const names = await modelNames();
    expect(names).toContain("fraud-detector");
    expect(names).not.toContain("fraud-detector-legacy");
    const again = await call("get_registered_model", { name: "fraud-detector-legacy" });
    expect(again.isError).toBe(true);
    expect(await call("get_model_versions", { model_name: "fraud-detector-legacy" })).toMatchObject({
      structuredContent: { result: [] },
    });
  });

  it("reports an unknown model as an isError result with MLflow's message", async () => {
    const result = await call("get_model_version", { model_name: "no-such-model", version: "1" });
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      {
        type: "text",
        text: "Error executing tool get_model_version: RESOURCE_DOES_NOT_EXIST: Model Version (name=no-such-model, version=1) not found",
      },
    ]);
  });

  it("filters runs with MLflow's search syntax and wraps list results in { result }", async () => {
    const result = await call("query_runs", {
      experiment_id: "1",
      query: "metrics.`test/auc` > 0.85 and params.max_depth = '6'",
      limit: 10,
    });
    expect(result.structuredContent).toEqual({
      result: [expect.objectContaining({ run_id: "3f9b4c1e5d6a4b7c0e8f9a1b2c3d4e04" })],
    });
    // FastMCP sends one text block per list item.
    expect(result.content).toHaveLength(1);
  });
});
