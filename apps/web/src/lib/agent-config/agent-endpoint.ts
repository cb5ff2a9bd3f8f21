/** Where an agent connects: the grant's name and its proxy URLs, with the real token or a placeholder. */
export type AgentEndpoint = {
  /** The grant's name, as people typed it; snippets derive a safe server name from it. */
  name: string;
  /** The URL with the token in its path, `<proxy>/g/<token>/mcp`. */
  proxyUrl: string;
  /** The URL without a token, `<proxy>/mcp`, for clients that send an Authorization header. */
  bearerUrl: string;
  token: string;
};

/** Stands in for a token the dashboard no longer knows: it is shown once, at creation and rotation. */
export const GRANT_TOKEN_PLACEHOLDER = "<GRANT_TOKEN>";

/** One block a person pastes somewhere, with a title saying where. */
export type AgentSnippet = {
  title: string;
  language: "text" | "json" | "shell" | "typescript" | "python";
  code: string;
};

/** An MCP client and how to connect it to a grant. `where` may hold `backticked` code. */
export type AgentClient = {
  id: string;
  label: string;
  where: string;
  build: (endpoint: AgentEndpoint) => AgentSnippet[];
};

const MAX_SERVER_NAME_LENGTH = 48;

/**
 * The name a client lists the server under, from the grant's name: letters, digits, `-` and `_`
 * only, because Claude Code refuses anything else and it must stay a plain JSON key and argument.
 */
export function toServerName(grantName: string): string {
  const slug = grantName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .slice(0, MAX_SERVER_NAME_LENGTH)
    .replace(/^[-_]+|[-_]+$/g, "");
  return slug === "" ? "gatehouse" : slug;
}

/** Pretty-printed JSON, as people keep their configuration files. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
