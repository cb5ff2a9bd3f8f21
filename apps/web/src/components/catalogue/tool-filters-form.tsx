import Link from "next/link";
import { inputClass, linkClass, secondaryButtonClass } from "@/components/ui/styles";
import type { ToolFilters } from "@/lib/tool-catalogue";
import { TOOL_CATEGORIES, TOOL_SEVERITIES } from "@/lib/tool-risk";

/**
 * Category, severity and text filters for a tools table. A plain GET form: the filters live
 * in the URL, so they work without JavaScript and a filtered view can be shared.
 */
export function ToolFiltersForm({
  action,
  filters,
  shown,
  total,
}: {
  /** The page the form submits to (its own path). */
  action: string;
  filters: ToolFilters;
  shown: number;
  total: number;
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label="Filter tools"
      className="mb-3 flex flex-wrap items-end gap-3"
      data-testid="tool-filters"
    >
      <div className="space-y-1">
        <label htmlFor="filter-category" className="block text-xs font-medium text-slate-700">
          Category
        </label>
        <select
          id="filter-category"
          name="category"
          defaultValue={filters.category ?? ""}
          className={inputClass}
        >
          <option value="">All categories</option>
          {TOOL_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-severity" className="block text-xs font-medium text-slate-700">
          Severity
        </label>
        <select
          id="filter-severity"
          name="severity"
          defaultValue={filters.severity ?? ""}
          className={inputClass}
        >
          <option value="">All severities</option>
          {TOOL_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-48 flex-1 space-y-1">
        <label htmlFor="filter-q" className="block text-xs font-medium text-slate-700">
          Search tools
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Name or description"
          className={inputClass}
        />
      </div>
      <button type="submit" className={secondaryButtonClass}>
        Filter
      </button>
      {shown !== total ? (
        <p className="w-full text-xs text-slate-600" data-testid="tool-filter-summary">
          Showing {shown} of {total} tools.{" "}
          <Link href={action} className={linkClass}>
            Clear filters
          </Link>
        </p>
      ) : null}
    </form>
  );
}
