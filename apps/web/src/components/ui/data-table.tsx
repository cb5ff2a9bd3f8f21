import type { ReactNode } from "react";
import { cardClass } from "./styles";

/** How far cells sit from each other: "compact" for dense logs, "roomy" for short lists. */
export type TableSpacing = "compact" | "roomy";

const HEADER_PADDING: Record<TableSpacing, string> = { compact: "px-3 py-3", roomy: "px-4 py-3" };

/**
 * A card holding a table with a header of `columns`; `children` are the body's rows. Columns
 * named in `numericColumns` are right-aligned; with `hasActions`, a last column holds each
 * row's buttons, named for screen readers only.
 */
export function DataTable({
  columns,
  testId,
  spacing = "compact",
  hasActions = false,
  numericColumns = [],
  children,
}: {
  columns: readonly string[];
  testId?: string;
  spacing?: TableSpacing;
  hasActions?: boolean;
  numericColumns?: readonly string[];
  children: ReactNode;
}) {
  const headerClass = `whitespace-nowrap ${HEADER_PADDING[spacing]}`;
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => (
              <th
                key={column}
                className={numericColumns.includes(column) ? `${headerClass} text-right` : headerClass}
              >
                {column}
              </th>
            ))}
            {hasActions ? (
              <th className={headerClass}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">{children}</tbody>
      </table>
    </div>
  );
}
