import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/styles";
import type { CatalogueRow } from "@/lib/tool-catalogue";
import { CategoryBadge, FlagMarker, SeverityBadge, StatusBadges } from "./risk-badges";

/**
 * Tools with their risk: category and severity badges, a flag marker, status badges and,
 * one click away, the classifier's rationale. Names link to the tool's page when it has one.
 */
export function CatalogueTable({ rows }: { rows: CatalogueRow[] }) {
  return (
    <DataTable
      columns={["Name", "Category", "Severity", "Description and rationale"]}
      testId="tools-table"
      spacing="roomy"
    >
      {rows.map((row) => (
        <tr
          key={row.id}
          data-testid="tool-row"
          data-tool={row.name}
          data-category={row.category ?? ""}
          className={`align-top ${row.status.isRemoved ? "text-slate-400" : ""}`}
        >
          <td className="px-4 py-3">
            <div className="font-mono text-xs">
              {row.href ? (
                <Link href={row.href} className={linkClass}>
                  {row.name}
                </Link>
              ) : (
                row.name
              )}
            </div>
            {row.title ? <div className="mt-0.5 text-xs text-slate-500">{row.title}</div> : null}
            <div className="mt-1 flex flex-wrap gap-1">
              <StatusBadges status={row.status} />
              <FlagMarker flags={row.flags} />
            </div>
          </td>
          <td className="px-4 py-3" title={row.rationale ?? undefined}>
            <CategoryBadge category={row.category} />
          </td>
          <td className="px-4 py-3">
            <SeverityBadge severity={row.severity} />
          </td>
          <td className="max-w-xl px-4 py-3 text-slate-600">
            <p className="line-clamp-3" title={row.description ?? undefined}>
              {firstParagraph(row.description) || "—"}
            </p>
            {row.rationale ? (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer select-none font-medium text-indigo-600 hover:text-indigo-500">
                  Why {row.category ?? "this"}?
                </summary>
                <p className="mt-1 text-slate-700" data-testid="tool-rationale">
                  {row.rationale}
                </p>
              </details>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

// Descriptions often continue with argument lists; the table shows the opening paragraph only.
function firstParagraph(description: string | null): string {
  return (
    (description ?? "")
      .trim()
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, " ") ?? ""
  );
}
