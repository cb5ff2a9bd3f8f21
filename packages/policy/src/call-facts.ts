/** What an agent is asking for: calling a tool, reading a resource or getting a prompt. */
export type CallKind = "tool" | "resource" | "prompt";

/** Everything the evaluator may look at about one call; the proxy builds it from the request. */
export type CallFacts = {
  kind: CallKind;
  /** The tool name, resource URI or prompt name. */
  name: string;
  /** Tool or prompt arguments; for resources `{ uri }`. */
  args: Record<string, unknown>;
  /** The tool's risk category from the catalogue, if known. */
  category?: string | undefined;
  grant: { id: string; name?: string | undefined };
  session: { id: string | null };
};

const KIND_NOUNS: Record<CallKind, string> = { tool: "Tool", resource: "Resource", prompt: "Prompt" };

/** Names the called item for people: `Tool "copy_model_version"`, `Resource "file:///a"`. */
export function describeItem(item: { kind: CallKind; name: string }): string {
  return `${KIND_NOUNS[item.kind]} ${JSON.stringify(item.name)}`;
}
