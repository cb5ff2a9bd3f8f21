import type { listApiKeys } from "@gatehouse/core/api-keys/list-api-keys";
import { Badge } from "@/components/ui/badge";
import { cardClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { RevokeApiKeyForm } from "./revoke-api-key-form";

type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];

/** The organisation's keys: which is which (name, prefix), whether it is still used, and revoke. */
export function ApiKeysTable({ apiKeys }: { apiKeys: ApiKeyRow[] }) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="api-keys-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-3">Name</th>
            <th className="px-4 py-3">Key</th>
            <th className="px-4 py-3">Created</th>
            <th className="px-4 py-3">Last used</th>
            <th className="px-4 py-3">Status</th>
            <th className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
