import { describe, expect, it } from "vitest";
import { classifyTool } from "../src/classify-tool";
import { RISK_CATEGORIES, type RiskCategory } from "../src/types";
import { contextFor, loadDataset } from "./dataset";

const MIN_AGREEMENT = 0.95;
const dataset = loadDataset();
const results = dataset.flatMap((server) =>
  server.tools.map((tool) => ({
    server,
    tool,
    predicted: classifyTool(tool, contextFor(dataset, server)).category,
  })),
);

function agreement(rows: typeof results): number {
  return rows.filter((row) => row.predicted === row.tool.label).length / rows.length;
}

function confusionMatrix(): Record<string, Record<RiskCategory, number>> {
  const matrix: Record<string, Record<RiskCategory, number>> = {};
  for (const label of RISK_CATEGORIES) {
    matrix[`label ${label}`] = { read: 0, write: 0, execute: 0, destructive: 0, financial: 0 };
  }
  for (const { tool, predicted } of results) {
    const row = matrix[`label ${tool.label}`];
    if (row) row[predicted] += 1;
  }
  return matrix;
}

describe("accuracy on real MCP tool definitions", () => {
  it("has at least 150 labelled tools from at least 6 servers", () => {
    expect(results.length).toBeGreaterThanOrEqual(150);
    expect(new Set(dataset.map((server) => server.server)).size).toBeGreaterThanOrEqual(6);
  });

  it(`agrees with the human labels on at least ${MIN_AGREEMENT * 100}% of tools`, () => {
    console.log("Confusion matrix (rows: label, columns: predicted)");
    console.table(confusionMatrix());
    console.table(
      dataset.map((server) => {
        const rows = results.filter((row) => row.server === server);
        const correct = rows.filter((row) => row.predicted === row.tool.label).length;
        return {
          server: server.server,
          batch: server.batch,
          tools: rows.length,
          correct,
          agreement: pct(correct / rows.length),
        };
      }),
    );
    const misses = results.filter((row) => row.predicted !== row.tool.label);
    console.log(
      `Overall ${pct(agreement(results))}; second batch ${pct(agreement(results.filter((row) => row.server.batch === 2)))}\n` +
        misses
          .map(
            (row) =>
              `  miss ${row.server.server}/${row.tool.name}: label ${row.tool.label}, predicted ${row.predicted}`,
          )
          .join("\n"),
    );
    expect(agreement(results)).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  });
});

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
