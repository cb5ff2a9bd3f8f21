import type { listApiKeys } from "@gatehouse/core/api-keys/list-api-keys";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import { RevokeApiKeyForm } from "./revoke-api-key-form";

type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];

/** The organisation's keys: which is which (name, prefix), whether it is still used, and revoke. */
export function ApiKeysTable({ apiKeys }: { apiKeys: ApiKeyRow[] }) {
  return (
    <DataTable
      columns={["Name", "Key", "Created", "Last used", "Status"]}
      testId="api-keys-table"
      spacing="roomy"
      hasActions
    >
      {apiKeys.map((apiKey) => (
        <tr key={apiKey.id} data-testid="api-key-row">
          <td className="px-4 py-3 font-medium text-slate-900">{apiKey.name}</td>
          <td className="px-4 py-3 font-mono text-xs text-slate-600">{apiKey.keyPrefix}…</td>
          <td className="whitespace-nowrap px-4 py-3 text-slate-600">
            {formatDateTime(apiKey.createdAt)}
            <div className="text-xs text-slate-500">by {apiKey.createdBy.name}</div>
          </td>
          <td className="whitespace-nowrap px-4 py-3 text-slate-600">
            {apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "Never"}
          </td>
          <td className="px-4 py-3">
            {apiKey.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}
          </td>
          <td className="px-4 py-3 text-right">
            {apiKey.revokedAt ? null : <RevokeApiKeyForm apiKeyId={apiKey.id} name={apiKey.name} />}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
