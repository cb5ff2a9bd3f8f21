import Link from "next/link";
import { cardClass, linkClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";

type PolicyRow = {
  id: string;
  name: string;
  currentVersion: number;
  updatedAt: Date;
  server: { id: string; name: string };
  _count: { grants: number };
};

/** Policies with their server, current version and how many active grants use each. */
export function PoliciesTable({ policies }: { policies: PolicyRow[] }) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="policies-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-3">Name</th>
            <th className="px-4 py-3">Server</th>
            <th className="px-4 py-3 text-right">Version</th>
            <th className="px-4 py-3 text-right">Active grants</th>
            <th className="px-4 py-3">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {policies.map((policy) => (
            <tr key={policy.id} data-testid="policy-row">
              <td className="px-4 py-3">
                <Link href={`/policies/${policy.id}`} className={linkClass}>
                  {policy.name}
                </Link>
              </td>
              <td className="px-4 py-3">
                <Link href={`/servers/${policy.server.id}`} className="text-slate-700 hover:underline">
                  {policy.server.name}
                </Link>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">v{policy.currentVersion}</td>
              <td className="px-4 py-3 text-right tabular-nums">{policy._count.grants}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                {formatDateTime(policy.updatedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
