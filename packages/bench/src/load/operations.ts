import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Operation } from "./protocol";

// Generous, so a slow call is measured rather than counted as an error; still bounded.
const CALL_TIMEOUT_MS = 15_000;
const DENIED_PREFIX = "[POLICY DENIED]";

/** Builds the function one call of a cell runs; it throws when the answer is not the expected one. */
export function createOperation(operation: Operation): (client: Client) => Promise<void> {
  if (operation.kind === "list") {
    return async (client) => {
      const { tools } = await client.listTools({}, { timeout: CALL_TIMEOUT_MS });
      if (tools.length === 0) throw new Error("tools/list answered no tools");
    };
  }
  const params = { name: operation.tool, arguments: operation.args };
  return async (client) => {
    const result = await client.callTool(params, undefined, { timeout: CALL_TIMEOUT_MS });
    const text = firstText(result.content);
    const isDenied = result.isError === true && text.startsWith(DENIED_PREFIX);
    if (operation.expect === "denied" && !isDenied) throw new Error(`expected a denial, got: ${text}`);
    if (operation.expect === "ok" && result.isError)
      throw new Error(`expected a result, got an error: ${text}`);
  };
}

function firstText(content: unknown): string {
  if (!Array.isArray(content)) return "";
  const first: unknown = content[0];
  return typeof first === "object" && first !== null && "text" in first ? String(first.text) : "";
}
