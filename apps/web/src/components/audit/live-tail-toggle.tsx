import { MAX_TAILED_EVENTS, TAIL_INTERVAL_MS } from "./use-audit-tail";

type Props = {
  isLive: boolean;
  canTail: boolean;
  isStale: boolean;
  isFull: boolean;
  onChange: (isLive: boolean) => void;
};

/** Turns the live tail on and off, and says what it is doing. */
export function LiveTailToggle({ isLive, canTail, isStale, isFull, onChange }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          checked={isLive}
          disabled={!canTail}
          onChange={(change) => onChange(change.target.checked)}
          className="size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
        />
        Live tail
      </label>
      <p role="status" data-testid="live-tail-status" className="text-sm text-slate-600">
        {describeTail({ isLive, canTail, isStale, isFull })}
      </p>
    </div>
  );
}

function describeTail({ isLive, canTail, isStale, isFull }: Omit<Props, "onChange">): string {
  if (!canTail) return "The live tail follows the newest calls: open the newest page to use it.";
  if (!isLive) return "";
  if (isFull)
    return `Stopped after ${MAX_TAILED_EVENTS.toLocaleString("en-GB")} new calls. Reload to continue.`;
  if (isStale) return "Cannot reach the server; still trying.";
  return `New calls appear on top as they are recorded (checked every ${TAIL_INTERVAL_MS / 1000} s).`;
}
