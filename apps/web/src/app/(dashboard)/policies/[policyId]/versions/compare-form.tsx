import { secondaryButtonClass } from "@/components/ui/styles";

const selectClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30";

/** Chooses two versions to compare; a plain GET form, so a comparison has its own URL. */
export function CompareForm({ versions, from, to }: { versions: number[]; from: number; to: number }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <label className="space-y-1 text-sm font-medium text-slate-800">
        <span className="block">Compare version</span>
        <select name="from" defaultValue={from} className={selectClass}>
          {versions.map((version) => (
            <option key={version} value={version}>
              v{version}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm font-medium text-slate-800">
        <span className="block">with version</span>
        <select name="to" defaultValue={to} className={selectClass}>
          {versions.map((version) => (
            <option key={version} value={version}>
              v{version}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={secondaryButtonClass}>
        Show changes
      </button>
    </form>
  );
}
