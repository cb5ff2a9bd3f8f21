import { FLAG_LABELS, type ToolFlag } from "@/lib/tool-risk";

/** The poisoning scan's findings: what kind, where in the definition, and the passage itself. */
export function FlagsList({ flags }: { flags: ToolFlag[] }) {
  if (!flags.length) {
    return (
      <p className="text-sm text-slate-600" data-testid="tool-flags-none">
        The scan found nothing suspicious in this tool's texts.
      </p>
    );
  }
  return (
    <ul className="space-y-3" data-testid="tool-flags">
      {flags.map((flag, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: the same finding may repeat at one place.
          key={`${flag.kind}-${flag.where}-${index}`}
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm"
          data-testid="tool-flag"
        >
          <div className="flex flex-wrap items-baseline gap-x-3">
            <span className="font-semibold text-red-900">{FLAG_LABELS[flag.kind] ?? flag.kind}</span>
            <span className="text-xs text-red-800">
              in <code className="font-mono">{flag.where}</code>
            </span>
          </div>
          <pre className="mt-2 whitespace-pre-wrap font-mono text-xs text-red-950 [overflow-wrap:anywhere]">
            {flag.evidence}
          </pre>
        </li>
      ))}
    </ul>
  );
}
