import type { ReplayRow } from "@gatehouse/core/policies/replay-policy";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";

const EFFECT_TONES: Record<string, BadgeTone> = { allow: "green", deny: "red", require_approval: "amber" };

/** Replayed calls, changed decisions first (they arrive sorted), each with before and after. */
export function ReplayTable({ rows }: { rows: ReplayRow[] }) {
  return (
    <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-xs">
        <thead className="sticky top-0 bg-slate-50 text-left font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Call</th>
            <th className="px-3 py-2">Now</th>
            <th className="px-3 py-2">Draft</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr
              key={row.eventId}
              data-testid="replay-row"
              data-changed={row.isChanged}
              className={row.isChanged ? "bg-amber-50/60" : undefined}
            >
              <td className="px-3 py-2">
                <div className="font-mono">{row.tool}</div>
                <div className="text-slate-500">{formatDateTime(new Date(row.occurredAt))}</div>
                {row.dependsOnArguments ? (
                  <div className="mt-1 text-amber-800">Depends on argument values (not stored)</div>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <Outcome effect={row.before.effect} rule={row.before.rule} />
              </td>
              <td className="px-3 py-2">
                <Outcome effect={row.after.effect} rule={row.after.rule} />
                {row.isChanged ? <div className="mt-1 font-medium text-amber-800">changed</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Outcome({ effect, rule }: { effect: string; rule: string }) {
  return (
    <div className="space-y-1">
      <Badge tone={EFFECT_TONES[effect] ?? "slate"}>{effect.replace("_", " ")}</Badge>
      <div className="break-all font-mono text-slate-600">{rule}</div>
    </div>
  );
}
