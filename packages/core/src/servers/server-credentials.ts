import type { McpServer } from "@gatehouse/db/models";
import { z } from "zod";
import { EnvNameSchema, HeaderNameSchema, HeaderValueSchema } from "./register-server-input";

/** Which map holds a server's credentials: HTTP headers for remote servers, env variables for stdio ones. */
export type CredentialKind = "headers" | "env";

type CredentialRules = {
  column: "headersEncrypted" | "envEncrypted";
  noun: string;
  name: z.ZodType<string>;
  value: z.ZodType<string>;
  /** Header names are case-insensitive, so "authorization" replaces a stored "Authorization". */
  isSameName: (a: string, b: string) => boolean;
};

/** How each kind of credential is stored and named; the same rules registration applies. */
export const CREDENTIAL_RULES: Record<CredentialKind, CredentialRules> = {
  headers: {
    column: "headersEncrypted",
    noun: "header",
    name: HeaderNameSchema,
    value: HeaderValueSchema,
    isSameName: (a, b) => a.toLowerCase() === b.toLowerCase(),
  },
  env: {
    column: "envEncrypted",
    noun: "variable",
    name: EnvNameSchema,
    value: z.string(),
    isSameName: (a, b) => a === b,
  },
};

/** The kind of credentials a server of this transport sends. */
export function credentialKindOf(server: Pick<McpServer, "transport">): CredentialKind {
  return server.transport === "stdio" ? "env" : "headers";
}
