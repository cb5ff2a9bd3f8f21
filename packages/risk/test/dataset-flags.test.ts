import { describe, expect, it } from "vitest";
import { MAX_DESCRIPTION_CHARS, scanForPoisoning } from "../src/scan-for-poisoning";
import { contextFor, loadDataset } from "./dataset";

const dataset = loadDataset();
const scanned = dataset.flatMap((server) =>
  server.tools.map((tool) => ({
    id: `${server.server}/${tool.name}`,
    description: tool.description ?? "",
    flags: scanForPoisoning(tool, contextFor(dataset, server)),
  })),
);

/*
 * The one real tool the scan flags: Neon's migration tool wraps orders to the model in
 * <instructions> tags. Its intent is benign, but the text is exactly what the scan exists to
 * surface, so a reviewer should see it.
 */
const EXPECTED_STEERING = ["mcp-server-neon/prepare_database_migration hidden_instructions"];

describe("the poisoning scan on real, benign tool definitions", () => {
  it("raises no instruction, reference, secret or Unicode flags beyond the known one", () => {
    const steering = scanned.flatMap(({ id, flags }) =>
      flags.filter((flag) => flag.kind !== "unusual_length").map((flag) => `${id} ${flag.kind}`),
    );
    expect(steering).toEqual(EXPECTED_STEERING);
  });

  it(`flags length exactly where a description is over ${MAX_DESCRIPTION_CHARS} characters`, () => {
    const flagged = scanned.filter(({ flags }) =>
      flags.some((flag) => flag.kind === "unusual_length" && flag.where === "description"),
    );
    const long = scanned.filter(({ description }) => description.length > MAX_DESCRIPTION_CHARS);
    expect(flagged.map(({ id }) => id)).toEqual(long.map(({ id }) => id));
    console.log(
      `Descriptions over ${MAX_DESCRIPTION_CHARS} characters: ${long.map(({ id }) => id).join(", ")}`,
    );
  });
});
