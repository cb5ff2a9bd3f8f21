import { ADMIN_ACTIONS } from "@gatehouse/core/admin-trail/record-admin-event";
import Link from "next/link";
import { inputClass, linkClass, secondaryButtonClass } from "@/components/ui/styles";

type Props = { values: { action?: string | undefined; actor?: string | undefined } };

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AdminEventFilters({ values }: Props) {
  return (
    <form
      method="get"
      action="/audit/admin"
      className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="w-64 space-y-1.5">
        <label htmlFor="action" className="block text-sm font-medium text-slate-800">
          Action
        </label>
        <select id="action" name="action" defaultValue={values.action ?? ""} className={`${inputClass} h-10`}>
          <option value="">Any action</option>
          {ADMIN_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div className="w-64 space-y-1.5">
        <label htmlFor="actor" className="block text-sm font-medium text-slate-800">
          Actor
        </label>
        <input
          id="actor"
          name="actor"
          defaultValue={values.actor ?? ""}
          placeholder='A name, or "API key"'
          className={`${inputClass} h-10`}
        />
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" className={secondaryButtonClass}>
          Apply filters
        </button>
        <Link href="/audit/admin" className={`${linkClass} text-sm`}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
