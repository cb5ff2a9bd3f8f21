import { createRequire } from "node:module";

/** How to exercise one entry point: open a page, call a route handler, or post a server action's form. */
export type Call =
  | { kind: "page"; path: string }
  | { kind: "route"; method: string; path: string; body?: unknown }
  | { kind: "action"; page: string; fields: Record<string, string> };

/** Who calls: a signed-in member (their cookie), an API key, or nobody. */
export type Caller = { cookie?: string; apiKey?: string };

/** What came back; `result` is a server action's return value (its form state). */
export type Outcome = {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back and assert on it.
  json?: any;
  result?: { formError?: string; fieldErrors?: Record<string, string[]> } & Record<string, unknown>;
  redirect?: string;
  /** The Set-Cookie lines of the answer (an action's switch of organisation sets one). */
  cookies: string[];
};

// React's own encoder, so the body is exactly what a browser's form submission sends.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-turbopack/client.node",
) as { encodeReply: (value: unknown) => Promise<FormData | string> };

/** Performs the call against the dashboard at `webUrl` as `caller` (an action by its build id), never following redirects. */
export async function performCall(
  webUrl: string,
  caller: Caller,
  call: Call,
  actionId?: string,
): Promise<Outcome> {
  const headers: Record<string, string> = {};
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.apiKey) headers.authorization = `Bearer ${caller.apiKey}`;
  let init: RequestInit = { method: "GET" };
  if (call.kind === "route" && call.body !== undefined) {
    headers["content-type"] = "application/json";
    init = { method: call.method, body: JSON.stringify(call.body) };
  } else if (call.kind === "route") {
    init = { method: call.method };
  } else if (call.kind === "action") {
    init = { method: "POST", body: await encodeActionBody(call.fields) };
    headers["next-action"] = actionId ?? "";
    headers.origin = webUrl;
    headers.accept = "text/x-component";
  }
  const path = call.kind === "action" ? call.page : call.path;
  const response = await fetch(`${webUrl}${path}`, { ...init, headers, redirect: "manual" });
  const text = await response.text();
  const redirect = response.headers.get("x-action-redirect") ?? response.headers.get("location") ?? undefined;
  const outcome: Outcome = {
    status: response.status,
    text,
    cookies: response.headers.getSetCookie(),
    ...(redirect ? { redirect } : {}),
  };
  if (response.headers.get("content-type")?.includes("json")) outcome.json = JSON.parse(text);
  if (call.kind === "action") {
    const result = readActionResult(text);
    if (result) outcome.result = result;
  }
  return outcome;
}

// Actions used with useActionState are called with (previousState, formData).
async function encodeActionBody(fields: Record<string, string>): Promise<FormData | string> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return encodeReply([{}, form]);
}

// The RSC payload's root row names the row holding the action's return value ("a":"$@1").
function readActionResult(text: string): Outcome["result"] {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) rows.set(match[1], match[2]);
  }
  const root = rows.get("0");
  const reference = root ? /"a":"\$@([0-9a-f]+)"/.exec(root)?.[1] : undefined;
  const value = reference ? rows.get(reference) : undefined;
  return value?.startsWith("{") ? JSON.parse(value) : undefined;
}
