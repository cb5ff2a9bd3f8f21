import { parseExposition, sumSamples } from "@gatehouse/testing/scrape-metrics";
import { describe, expect, it } from "vitest";
import { Counter, Gauge, Histogram, MetricRegistry } from "../src/metrics/metric-registry";

describe("metric registry exposition", () => {
  it("renders counters per label combination, with HELP and TYPE, escaping label values", async () => {
    const registry = new MetricRegistry();
    const calls = registry.add(new Counter("calls_total", "Calls.", ["method", "decision"]));
    calls.inc(["tools/call", "allow"]);
    calls.inc(["tools/call", "allow"], 2);
    calls.inc(['say "hi"\\', "deny"]);
    const text = await registry.render();
    expect(text).toContain("# HELP calls_total Calls.\n# TYPE calls_total counter\n");
    expect(text).toContain('calls_total{method="tools/call",decision="allow"} 3\n');
    expect(text).toContain('calls_total{method="say \\"hi\\"\\\\",decision="deny"} 1\n');
    expect(parseExposition(text)).toHaveLength(2);
  });

  it.each([
    { value: 0.0005, buckets: { "0.001": 1, "0.01": 1, "+Inf": 1 } },
    { value: 0.005, buckets: { "0.001": 0, "0.01": 1, "+Inf": 1 } },
    { value: 5, buckets: { "0.001": 0, "0.01": 0, "+Inf": 1 } },
  ])("counts $value into cumulative buckets", async ({ value, buckets }) => {
    const registry = new MetricRegistry();
    registry.add(new Histogram("latency_seconds", "Latency.", [0.001, 0.01])).observe(value);
    const samples = parseExposition(await registry.render());
    for (const [le, count] of Object.entries(buckets)) {
      expect(sumSamples(samples, "latency_seconds_bucket", { le })).toBe(count);
    }
    expect(sumSamples(samples, "latency_seconds_count")).toBe(1);
    expect(sumSamples(samples, "latency_seconds_sum")).toBe(value);
  });

  it("samples gauges when scraped, and shows none for a collector that fails", async () => {
    const registry = new MetricRegistry();
    let depth = 3;
    registry.add(new Gauge("depth", "Depth.", ["queue"], () => [{ labels: ["audit"], value: depth }]));
    registry.add(
      new Gauge("broken", "Broken.", [], () => {
        throw new Error("Redis away");
      }),
    );
    expect(sumSamples(parseExposition(await registry.render()), "depth", { queue: "audit" })).toBe(3);
    depth = 7;
    const samples = parseExposition(await registry.render());
    expect(sumSamples(samples, "depth", { queue: "audit" })).toBe(7);
    expect(samples.filter((s) => s.name === "broken")).toEqual([]);
  });

  it("folds label values past 500 combinations into one 'other' series", async () => {
    const registry = new MetricRegistry();
    const refusals = registry.add(new Counter("refusals_total", "Refusals.", ["rule"]));
    for (let i = 0; i < 600; i++) refusals.inc([`rule-${i}`]);
    const samples = parseExposition(await registry.render());
    expect(samples).toHaveLength(501);
    expect(sumSamples(samples, "refusals_total", { rule: "other" })).toBe(100);
    expect(sumSamples(samples, "refusals_total")).toBe(600);
  });
});
