import { readdirSync, readFileSync } from "node:fs";
import { RISK_CATEGORIES, type RiskCategory, type ToolDefinitionInput } from "../src/types";

export type LabelledTool = ToolDefinitionInput & { label: RiskCategory; labelNote?: string };
export type ServerDataset = {
  file: string;
  server: string;
  source: string;
  /** 1: labelled before the rules were written; 2: labelled blind after they were first frozen. */
  batch: 1 | 2;
  tools: LabelledTool[];
};

const DATA_DIR = new URL("./data/", import.meta.url);

/** Loads every labelled server file in test/data, checking the shape each file promises. */
export function loadDataset(): ServerDataset[] {
  return readdirSync(DATA_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed: unknown = JSON.parse(readFileSync(new URL(file, DATA_DIR), "utf8"));
      return checkServer(file, parsed);
    });
}

function checkServer(file: string, value: unknown): ServerDataset {
  const data = value as Partial<ServerDataset>;
  if (typeof data.server !== "string" || typeof data.source !== "string" || !Array.isArray(data.tools)) {
    throw new Error(`${file}: expected { server, source, tools }`);
  }
  for (const tool of data.tools) {
    if (typeof tool.name !== "string" || !RISK_CATEGORIES.includes(tool.label)) {
      throw new Error(
        `${file}: tool ${JSON.stringify(tool.name)} needs a name and a label from ${RISK_CATEGORIES}`,
      );
    }
  }
  return {
    file,
    server: data.server,
    source: data.source,
    batch: data.batch === 2 ? 2 : 1,
    tools: data.tools,
  };
}

/** The context a gateway would pass: every other server's tool names, and this server's own. */
export function contextFor(dataset: ServerDataset[], server: ServerDataset) {
  return {
    otherToolNames: dataset
      .filter((other) => other !== server)
      .flatMap((other) => other.tools.map((tool) => tool.name)),
    sameServerToolNames: server.tools.map((tool) => tool.name),
  };
}
