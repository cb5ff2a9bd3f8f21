import { CatalogueTable } from "@/components/catalogue/catalogue-table";
import { ToolFiltersForm } from "@/components/catalogue/tool-filters-form";
import { EmptyState } from "@/components/ui/empty-state";
import { pluralize } from "@/lib/format";
import { type CatalogueRow, filterCatalogue, type ToolFilters } from "@/lib/tool-catalogue";

/** The server's catalogue: counts, filters and the tools table (or what to do when it is empty). */
export function ServerToolsSection(props: {
  serverPath: string;
  rows: CatalogueRow[];
  filters: ToolFilters;
}) {
  const active = props.rows.filter((row) => !row.status.isRemoved);
  const awaiting = active.filter((row) => row.status.isAwaitingApproval).length;
  const shown = filterCatalogue(props.rows, props.filters);
  return (
    <section className="mb-8" aria-labelledby="tools-heading">
      <h2 id="tools-heading" className="mb-1 text-lg font-semibold text-slate-900">
        Tools <span className="text-sm font-normal text-slate-500">({active.length})</span>
      </h2>
      {props.rows.length ? (
        <>
          <p className="mb-3 text-sm text-slate-600">
            Each tool is classified from its name, description, schema and annotations when it is discovered;
            open a tool to see why.
            {awaiting ? (
              <span className="font-medium text-amber-800" data-testid="tools-awaiting-summary">
                {" "}
                {pluralize(awaiting, "tool")} changed since approved: the proxy refuses calls to them until
                someone approves the new definition.
              </span>
            ) : null}
          </p>
          <ToolFiltersForm
            action={props.serverPath}
            filters={props.filters}
            shown={shown.length}
            total={props.rows.length}
          />
          {shown.length ? (
            <CatalogueTable rows={shown} />
          ) : (
            <EmptyState title="No tools match these filters">Change or clear the filters above.</EmptyState>
          )}
        </>
      ) : (
        <EmptyState title="No tools discovered yet">
          Click “Connect &amp; discover” to connect to this server and list the tools it offers.
        </EmptyState>
      )}
    </section>
  );
}
