import type { McpServer } from "@gatehouse/db/models";
import { openRecord, type SecretBox } from "../secrets/secret-box";

/** Everything needed to open a connection to an upstream MCP server, secrets opened. */
export type UpstreamConfig =
  | { transport: "streamable_http" | "sse"; url: string; headers: Record<string, string> }
  | { transport: "stdio"; command: string; args: string[]; env: Record<string, string> };

type ServerConnectionFields = Pick<
  McpServer,
  "transport" | "url" | "command" | "args" | "headersEncrypted" | "envEncrypted"
>;

/** Opens a stored server's sealed headers or env into an UpstreamConfig. */
export function toUpstreamConfig(server: ServerConnectionFields, secretBox: SecretBox): UpstreamConfig {
  if (server.transport === "stdio") {
    return {
      transport: "stdio",
      command: server.command ?? "",
      args: server.args,
      env: openRecord(secretBox, server.envEncrypted),
    };
  }
  return {
    transport: server.transport,
    url: server.url ?? "",
    headers: openRecord(secretBox, server.headersEncrypted),
  };
}
