import { formatDateTime, formatDurationMs } from "@/lib/format";

// lastUsedAt is written at most once a minute, so anything finer would claim a precision it lacks.
const LAST_USED_PRECISION_MS = 60_000;

/** When an agent last called through the grant: "Never", "within the last minute" or "5 min ago" (exact time on hover). */
export function LastUsed({ at, now }: { at: Date | null; now: Date }) {
  if (!at) return <span className="text-slate-500">Never</span>;
  const ageMs = now.getTime() - at.getTime();
  const text =
    ageMs < LAST_USED_PRECISION_MS
      ? "within the last minute"
      : `${formatDurationMs(Math.floor(ageMs / LAST_USED_PRECISION_MS) * LAST_USED_PRECISION_MS)} ago`;
  return (
    <time dateTime={at.toISOString()} title={formatDateTime(at)}>
      {text}
    </time>
  );
}

/** When the grant stops working: "Never", or the time, marked once it has passed. */
export function ExpiresAt({ at, now }: { at: Date | null; now: Date }) {
  if (!at) return <span className="text-slate-500">Never</span>;
  const hasPassed = at.getTime() <= now.getTime();
  return (
    <time dateTime={at.toISOString()} className={hasPassed ? "text-amber-800" : undefined}>
      {formatDateTime(at)}
      {hasPassed ? " (expired)" : ""}
    </time>
  );
}
