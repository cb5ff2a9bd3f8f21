import "server-only";
import { parseKeyValueLines, parseLines } from "@gatehouse/core/servers/parse-key-value-lines";
import type { RegisterServerInput } from "@gatehouse/core/servers/register-server-input";
import { z } from "zod";

/** The register-server form as posted: every field is text; which ones matter depends on the transport. */
const RegisterServerFormSchema = z.object({
  name: z.string().default(""),
  transport: z.string().default(""),
  url: z.string().default(""),
  headers: z.string().default(""),
  command: z.string().default(""),
  args: z.string().default(""),
  env: z.string().default(""),
});

/**
 * Turns the form's text fields into registerServer input: headers as "Name: value"
 * lines, env as "KEY=value" lines, one argument per line. Throws invalid_input
 * naming the first bad line; everything else is validated by registerServer.
 */
export function readRegisterServerForm(formData: FormData): RegisterServerInput {
  const form = RegisterServerFormSchema.parse(Object.fromEntries(formData));
  if (form.transport === "stdio") {
    return {
      name: form.name,
      transport: "stdio",
      command: form.command,
      args: parseLines(form.args),
      env: parseKeyValueLines({ text: form.env, separator: "=", field: "env", example: "API_KEY=value" }),
    };
  }
  const headers = parseKeyValueLines({
    text: form.headers,
    separator: ":",
    field: "headers",
    example: "Authorization: Bearer …",
  });
  // An unknown transport is passed through so registerServer reports it against the field.
  return { name: form.name, transport: form.transport as "streamable_http" | "sse", url: form.url, headers };
}
