import { z } from "zod";

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// The proxy sets these itself; letting a stored header override them would break the upstream request.
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "content-type",
  "accept",
  "connection",
  "transfer-encoding",
  "mcp-session-id",
  "mcp-protocol-version",
]);

const name = z
  .string()
  .trim()
  .min(1, "Give the server a name.")
  .max(80, "Use at most 80 characters.")
  .regex(/^[\w .:-]+$/, "Use letters, digits, spaces and . _ : - only.");

/** A header name Gatehouse may send upstream: an HTTP token, and not one the proxy sets itself. */
export const HeaderNameSchema = z
  .string()
  .regex(HEADER_NAME, "Header names use letters, digits and - only.")
  .refine((key) => !RESERVED_HEADERS.has(key.toLowerCase()), "This header is set by Gatehouse itself.");
export const HeaderValueSchema = z.string().max(8192, "Header values are limited to 8192 characters.");
/** An environment variable name for a stdio server. */
export const EnvNameSchema = z.string().regex(ENV_NAME, "Variable names use letters, digits and _ only.");

const headers = z.record(HeaderNameSchema, HeaderValueSchema).default({});

const url = z
  .string()
  .trim()
  .url("Enter a full URL, e.g. https://mcp.example.com/mcp.")
  // zod runs this refinement even when .url() has failed, so text that is not a URL must pass here
  // (it already has its error) instead of throwing from `new URL`.
  .refine(
    (value) => !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol),
    "Use an http:// or https:// URL.",
  );

export const RegisterServerInputSchema = z.discriminatedUnion("transport", [
  z.object({ name, transport: z.literal("streamable_http"), url, headers }),
  z.object({ name, transport: z.literal("sse"), url, headers }),
  z.object({
    name,
    transport: z.literal("stdio"),
    command: z.string().trim().min(1, "Enter the command to run, e.g. uvx or npx."),
    args: z.array(z.string().max(4096)).max(64, "Use at most 64 arguments.").default([]),
    env: z.record(EnvNameSchema, z.string()).default({}),
  }),
]);
export type RegisterServerInput = z.input<typeof RegisterServerInputSchema>;
