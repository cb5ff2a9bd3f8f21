import { recommendPolicy } from "@gatehouse/core/catalogue/recommend-policy";
import { MLFLOW_TEMPLATE } from "@gatehouse/core/templates/mlflow-template";
import { parsePolicy } from "@gatehouse/policy/parse-policy";
import { classifyTool } from "@gatehouse/risk/classify-tool";
import { describe, expect, it } from "vitest";

describe("recommendPolicy", () => {
  it.each([
    ["read", { name: "get_x", category: "read", flags: [] }, (p: Rec) => expect(p.tools.get_x).toEqual({})],
    [
      "write",
      { name: "set_x", category: "write", flags: [] },
      (p: Rec) =>
        expect(p.tools.set_x).toEqual({
          limits: [{ counter: "set_x_rate", window: "minute", max: 30, scope: "grant" }],
        }),
    ],
    [
      "execute",
      { name: "run_x", category: "execute", flags: [] },
      (p: Rec) => expect(p.tools.run_x).toMatchObject({ action: "require_approval" }),
    ],
    [
      "destructive",
      { name: "delete_x", category: "destructive", flags: [] },
      (p: Rec) => expect(p.hide).toEqual(["delete_x"]),
    ],
    [
      "financial",
      { name: "refund_x", category: "financial", flags: [] },
      (p: Rec) => expect(p.hide).toEqual(["refund_x"]),
    ],
    [
      "a flagged read tool",
      { name: "get_y", category: "read", flags: [{ kind: "hidden_instructions" }] },
      (p: Rec) => {
        expect(p.hide).toEqual(["get_y"]);
        expect(p.tools.get_y).toBeUndefined();
      },
    ],
    [
      "an unclassified tool",
      { name: "mystery", category: null, flags: null },
      (p: Rec) => expect(p.tools).toEqual({}),
    ],
  ])("handles %s", (_label, tool, check) => {
    const policy = recommendPolicy([tool]) as Rec;
    expect(policy.default).toBe("deny");
    check(policy);
  });

  it("recommends a valid policy for the 40 MLflow tools that hides deletes and allows reads", () => {
    const classified = MLFLOW_TEMPLATE.tools.map((tool) => {
      const assessment = classifyTool(tool);
      return { name: tool.name, category: assessment.category, flags: assessment.flags };
    });
    expect(classified).toHaveLength(40);
    const policy = recommendPolicy(classified) as Rec;
    const parsed = parsePolicy(policy);
    expect(parsed.ok).toBe(true);
    expect(policy.hide).toContain("delete_registered_model");
    expect(policy.tools.get_experiments).toEqual({});
    expect(policy.tools.copy_model_version?.limits).toHaveLength(1);
  });
});

type Rec = { default: string; hide?: string[]; tools: Record<string, { limits?: unknown[] } | undefined> };
