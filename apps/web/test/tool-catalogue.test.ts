import { describe, expect, it } from "vitest";
import { type CatalogueRow, filterCatalogue, type StoredTool, toCatalogueRows } from "@/lib/tool-catalogue";
import { readFlags } from "@/lib/tool-risk";
import { diffWithRecommendation } from "@/server/policies/recommend-for-catalogue";
import {
  classifyTemplateTools,
  findMissingEnv,
  findServerTemplate,
} from "@/server/templates/server-templates";

const FIRST = new Date("2026-01-01T00:00:00Z");
const LAST = new Date("2026-02-01T00:00:00Z");

function stored(name: string, fields: Partial<StoredTool> = {}): StoredTool {
  return {
    id: `id-${name}`,
    name,
    title: null,
    description: `Does ${name}.`,
    category: "read",
    severity: "low",
    rationale: "Because.",
    flags: [],
    definitionHash: "h1",
    approvedHash: "h1",
    firstSeenAt: FIRST,
    removedAt: null,
    ...fields,
  };
}

const hrefFor = (id: string) => `/servers/s/tools/${id}`;

describe("toCatalogueRows", () => {
  const rows = toCatalogueRows(
    [
      stored("kept"),
      stored("changed", { definitionHash: "h2" }),
      stored("never-approved", { approvedHash: null }),
      stored("added", { firstSeenAt: LAST }),
      stored("gone", { removedAt: LAST, definitionHash: "h2" }),
    ],
    { discoveredAt: LAST, hrefFor },
  );
  const statusOf = (name: string) => rows.find((row) => row.name === name)?.status;

  it.each([
    ["kept", { isRemoved: false, isAwaitingApproval: false, isNew: false }],
    ["changed", { isRemoved: false, isAwaitingApproval: true, isNew: false }],
    ["never-approved", { isRemoved: false, isAwaitingApproval: true, isNew: false }],
    ["added", { isRemoved: false, isAwaitingApproval: false, isNew: true }],
    // A removed tool is only "removed", whatever its hashes say.
    ["gone", { isRemoved: true, isAwaitingApproval: false, isNew: false }],
  ])("marks %s", (name, status) => {
    expect(statusOf(name)).toEqual(status);
  });

  it("links each row to its tool page", () => {
    expect(rows[0]?.href).toBe("/servers/s/tools/id-kept");
  });

  it("marks nothing new on a server's first discovery", () => {
    const first = toCatalogueRows([stored("a", { firstSeenAt: LAST }), stored("b", { firstSeenAt: LAST })], {
      discoveredAt: LAST,
      hrefFor,
    });
    expect(first.map((row) => row.status.isNew)).toEqual([false, false]);
  });
});

describe("filterCatalogue", () => {
  const row = (name: string, category: string, severity: string, description: string): CatalogueRow => {
    const [only] = toCatalogueRows([stored(name, { category, severity, description })], {
      discoveredAt: null,
      hrefFor,
    });
    if (!only) throw new Error("one tool makes one row");
    return only;
  };
  const rows = [
    row("get_run", "read", "low", "Get a run."),
    row("delete_run", "destructive", "high", "Delete a run."),
    row("delete_model", "destructive", "critical", "Removes a MODEL."),
  ];
  it.each([
    [{}, ["get_run", "delete_run", "delete_model"]],
    [{ category: "destructive" as const }, ["delete_run", "delete_model"]],
    [{ severity: "critical" as const }, ["delete_model"]],
    [{ category: "destructive" as const, severity: "high" as const }, ["delete_run"]],
    [{ q: "model" }, ["delete_model"]],
    [{ q: "RUN" }, ["get_run", "delete_run"]],
  ])("filters by %j", (filters, names) => {
    expect(filterCatalogue(rows, filters).map((r) => r.name)).toEqual(names);
  });
});

describe("readFlags", () => {
  it("keeps well-formed findings and drops anything else", () => {
    const good = { kind: "secret_access", evidence: "~/.ssh", where: "description" };
    expect(readFlags([good, { kind: 1 }, "x", null])).toEqual([good]);
    expect(readFlags(null)).toEqual([]);
    expect(readFlags({ kind: "x" })).toEqual([]);
  });
});

describe("the MLflow template", () => {
  const found = findServerTemplate("mlflow");
  if (!found) throw new Error("the MLflow template is registered");
  const template = found;

  it("is found by its id only", () => {
    expect(template.serverName).toBe("MLflow");
    expect(findServerTemplate("toString")).toBeUndefined();
    expect(findServerTemplate(undefined)).toBeUndefined();
  });

  it("classifies its 40 tools", () => {
    const rows = classifyTemplateTools(template);
    const categoryOf = (name: string) => rows.find((row) => row.name === name)?.category;
    expect(rows).toHaveLength(40);
    expect(categoryOf("get_experiments")).toBe("read");
    expect(categoryOf("copy_model_version")).toBe("write");
    expect(categoryOf("delete_registered_model")).toBe("destructive");
  });

  it.each([
    [{}, ["MLFLOW_TRACKING_URI is required by the MLflow server."]],
    [{ MLFLOW_TRACKING_URI: "  " }, ["MLFLOW_TRACKING_URI is required by the MLflow server."]],
    [{ MLFLOW_TRACKING_URI: "http://mlflow:5000" }, []],
  ])("requires MLFLOW_TRACKING_URI (env %j)", (env, messages) => {
    expect(findMissingEnv(template, env).map((error) => error.message)).toEqual(messages);
  });
});

describe("diffWithRecommendation", () => {
  const tools = [
    { name: "b_read", category: "read", flags: [], removedAt: null },
    { name: "a_read", category: "read", flags: [], removedAt: null },
    { name: "old", category: "read", flags: [], removedAt: LAST },
  ];

  it("sees no change when the saved document lists the same entries in another order", () => {
    const saved = { tools: { b_read: {}, a_read: {} }, default: "deny", version: "1" };
    expect(diffWithRecommendation(saved, tools).every((line) => line.kind === "same")).toBe(true);
  });

  it("leaves removed tools out of the recommendation", () => {
    const added = diffWithRecommendation({ version: "1", default: "deny", tools: {} }, tools)
      .filter((line) => line.kind === "added")
      .map((line) => line.text.trim());
    expect(added).toContain('"a_read": {},');
    expect(added.join("\n")).not.toContain("old");
  });
});
