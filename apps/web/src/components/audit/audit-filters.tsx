import Link from "next/link";
import { inputClass, linkClass, secondaryButtonClass } from "@/components/ui/styles";

type Props = {
  grants: { id: string; name: string; serverName: string }[];
  values: { grantId?: string | undefined; tool?: string | undefined; decision?: string | undefined };
};

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ grants, values }: Props) {
  return (
    <form
      method="get"
      action="/audit"
      className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="w-56 space-y-1.5">
        <label htmlFor="grantId" className="block text-sm font-medium text-slate-800">
          Grant
        </label>
        <select
          id="grantId"
          name="grantId"
          defaultValue={values.grantId ?? ""}
          className={`${inputClass} h-10`}
        >
          <option value="">All grants</option>
          {grants.map((grant) => (
            <option key={grant.id} value={grant.id}>
              {grant.name} ({grant.serverName})
            </option>
          ))}
        </select>
      </div>
      <div className="w-56 space-y-1.5">
        <label htmlFor="tool" className="block text-sm font-medium text-slate-800">
          Tool
        </label>
        <input
          id="tool"
          name="tool"
          defaultValue={values.tool ?? ""}
          placeholder="Exact tool name"
          className={`${inputClass} h-10`}
        />
      </div>
      <div className="w-40 space-y-1.5">
        <label htmlFor="decision" className="block text-sm font-medium text-slate-800">
          Decision
        </label>
        <select
          id="decision"
          name="decision"
          defaultValue={values.decision ?? ""}
          className={`${inputClass} h-10`}
        >
          <option value="">Any</option>
          <option value="allow">Allowed</option>
          <option value="deny">Denied</option>
          <option value="require_approval">Needs approval</option>
        </select>
      </div>
      <div className="flex items-center gap-4">
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
