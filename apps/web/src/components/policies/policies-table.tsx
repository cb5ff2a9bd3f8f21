import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/styles";
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
    <DataTable
      columns={["Name", "Server", "Version", "Active grants", "Updated"]}
      testId="policies-table"
      spacing="roomy"
      numericColumns={["Version", "Active grants"]}
    >
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
          <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(policy.updatedAt)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
