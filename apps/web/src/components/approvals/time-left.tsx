import { formatDateTime, formatDurationMs } from "@/lib/format";

/** How long a pending request may still wait, e.g. "9 min 58 s left"; "time is up" once it expired. */
export function TimeLeft({ expiresAt, now }: { expiresAt: Date; now: Date }) {
  const leftMs = expiresAt.getTime() - now.getTime();
  const isUrgent = leftMs < 60_000;
  return (
    <time
      dateTime={expiresAt.toISOString()}
      title={`Expires ${formatDateTime(expiresAt)}`}
      data-testid="approval-time-left"
      className={`whitespace-nowrap text-sm tabular-nums ${isUrgent ? "font-semibold text-red-700" : "text-slate-700"}`}
    >
      {leftMs > 0 ? `${formatDurationMs(leftMs)} left` : "time is up"}
    </time>
  );
}
