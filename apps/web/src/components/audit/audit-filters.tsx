import type { AuditFilter } from "@gatehouse/core/audit/list-audit-events";
import Link from "next/link";
import { SelectField, TextField } from "@/components/ui/field";
import { inputClass, linkClass, secondaryButtonClass } from "@/components/ui/styles";

type Props = {
  grants: { id: string; name: string; serverName: string }[];
  servers: { id: string; name: string }[];
  values: AuditFilter;
};

// Offered as suggestions; the field takes any method, matched exactly.
const MCP_METHODS = [
  "tools/call",
  "tools/list",
  "resources/read",
  "resources/list",
  "resources/templates/list",
  "prompts/get",
  "prompts/list",
  "initialize",
];

const controlClass = `${inputClass} h-10`;

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ grants, servers, values }: Props) {
  return (
    <form
      method="get"
      action="/audit"
      className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <TextField
        id="from"
        label="From (UTC)"
        type="datetime-local"
        step={1}
        defaultValue={toLocalInput(values.from)}
        className={controlClass}
      />
      <TextField
        id="to"
        label="Until (UTC)"
        type="datetime-local"
        step={1}
        defaultValue={toLocalInput(values.to)}
        className={controlClass}
      />
      <SelectField id="grantId" label="Grant" defaultValue={values.grantId ?? ""} className={controlClass}>
        <option value="">All grants</option>
        {grants.map((grant) => (
          <option key={grant.id} value={grant.id}>
            {grant.name} ({grant.serverName})
          </option>
        ))}
      </SelectField>
      <SelectField id="serverId" label="Server" defaultValue={values.serverId ?? ""} className={controlClass}>
        <option value="">All servers</option>
        {servers.map((server) => (
          <option key={server.id} value={server.id}>
            {server.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="tool"
        label="Tool"
        defaultValue={values.tool ?? ""}
        placeholder="Exact tool name"
        className={controlClass}
      />
      <TextField
        id="method"
        label="Method"
        list="mcp-methods"
        defaultValue={values.method ?? ""}
        placeholder="e.g. tools/call"
        className={controlClass}
      />
      <datalist id="mcp-methods">
        {MCP_METHODS.map((method) => (
          <option key={method} value={method} />
        ))}
      </datalist>
      <SelectField
        id="decision"
        label="Decision"
        defaultValue={values.decision ?? ""}
        className={controlClass}
      >
        <option value="">Any</option>
        <option value="allow">Allowed</option>
        <option value="deny">Denied</option>
        <option value="require_approval">Needs approval</option>
      </SelectField>
      <TextField
        id="q"
        label="Search"
        type="search"
        defaultValue={values.q ?? ""}
        placeholder="Part of a tool or argument name"
        className={controlClass}
      />
      <div className="flex items-center gap-4 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={secondaryButtonClass}>
          Apply filters
        </button>
        <Link href="/audit" className={`${linkClass} text-sm`}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}

/** An ISO instant as a datetime-local field shows it, in UTC to match the label. */
function toLocalInput(instant: string | undefined): string {
  return instant ? new Date(instant).toISOString().slice(0, 19) : "";
}
