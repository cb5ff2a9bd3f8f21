import type { ReactNode } from "react";
import { cardClass } from "./styles";

/** A card holding a table with a header of `columns`; `children` are the body's rows. */
export function DataTable({
  columns,
  testId,
  children,
}: {
  columns: readonly string[];
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column} className="whitespace-nowrap px-3 py-3">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">{children}</tbody>
      </table>
    </div>
  );
}
