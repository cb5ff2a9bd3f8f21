import type { GetPromptResult, ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { denialResult } from "../policy/denial-result";

/**
 * A refused `resources/read` answered the way a refused tool call is: a result (not a JSON-RPC
 * error) whose text is `[POLICY DENIED] <reason>`, flagged `isError`, with the same retry hint.
 */
export function deniedResourceResult(uri: string) {
  return (reason: string, retryAfterSeconds?: number): ReadResourceResult => {
    const { content, ...flags } = denialResult(reason, retryAfterSeconds);
    const text = content[0]?.type === "text" ? content[0].text : reason;
    return { contents: [{ uri, mimeType: "text/plain", text }], ...flags };
  };
}

/** A refused `prompts/get` answered the way a refused tool call is: one message carrying the refusal. */
export function deniedPromptResult(reason: string, retryAfterSeconds?: number): GetPromptResult {
  const { content, ...flags } = denialResult(reason, retryAfterSeconds);
  const messages = content.map((block) => ({ role: "user" as const, content: block }));
  return { messages, ...flags };
}
