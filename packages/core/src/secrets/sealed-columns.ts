/** A table column holding values sealed by a SecretBox, named as in the database. */
export type SealedColumn = { table: string; column: string };

/**
 * Every column a SecretBox seals. A new sealed column is added here, so a key rotation
 * re-seals it too (the reseal test checks the schema has no other "...Encrypted" column).
 */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: "McpServer", column: "headersEncrypted" },
  { table: "McpServer", column: "envEncrypted" },
  { table: "ApprovalRequest", column: "argumentsEncrypted" },
  { table: "WebhookEndpoint", column: "secretEncrypted" },
  { table: "UpstreamOAuthConnection", column: "clientEncrypted" },
  { table: "UpstreamOAuthConnection", column: "tokensEncrypted" },
  { table: "UpstreamOAuthAuthorization", column: "flowEncrypted" },
];

/** How a person reads the column in output: Table.column. */
export function sealedColumnName(target: SealedColumn): string {
  return `${target.table}.${target.column}`;
}
