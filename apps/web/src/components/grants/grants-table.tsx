import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { GrantStatusBadge } from "./grant-status-badge";
import { ExpiresAt, LastUsed } from "./grant-times";

type GrantRow = {
  id: string;
  name: string;
  tokenPrefix: string;
  policy: { id: string; name: string; currentVersion: number };
  createdAt: Date;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  server: { id: string; name: string };
};

/**
 * Grants with their agent, server, token prefix (enough to recognise a token, never to use it),
 * status, and when each was last used and expires.
 */
export function GrantsTable({ grants, showServer = true }: { grants: GrantRow[]; showServer?: boolean }) {
  const now = new Date();
  return (
    <DataTable
      columns={[
        "Agent",
        ...(showServer ? ["Server"] : []),
        "Token",
        "Status",
        "Policy",
        "Last used",
        "Expires",
        "Created",
      ]}
      testId="grants-table"
      spacing="roomy"
    >
      {grants.map((grant) => (
        <tr key={grant.id} data-testid="grant-row">
          <td className="px-4 py-3">
            <Link href={`/grants/${grant.id}`} className={linkClass}>
              {grant.name}
            </Link>
          </td>
          {showServer ? (
            <td className="px-4 py-3">
              <Link href={`/servers/${grant.server.id}`} className="text-slate-700 hover:underline">
                {grant.server.name}
              </Link>
            </td>
          ) : null}
          <td className="whitespace-nowrap px-4 py-3 font-mono text-xs text-slate-600">
            {grant.tokenPrefix}…
          </td>
          <td className="px-4 py-3">
            <GrantStatusBadge revokedAt={grant.revokedAt} expiresAt={grant.expiresAt} now={now} />
          </td>
          <td className="px-4 py-3">
            <Link href={`/policies/${grant.policy.id}`} className="text-slate-700 hover:underline">
              {grant.policy.name}
            </Link>{" "}
            <span className="tabular-nums text-slate-500">v{grant.policy.currentVersion}</span>
          </td>
          <td className="whitespace-nowrap px-4 py-3 text-slate-600" data-testid="grant-last-used">
            <LastUsed at={grant.lastUsedAt} now={now} />
          </td>
          <td className="whitespace-nowrap px-4 py-3 text-slate-600">
            <ExpiresAt at={grant.expiresAt} now={now} />
          </td>
          <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(grant.createdAt)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
