// Bucket starts are UTC instants rendered on the server, so labels are formatted in UTC too.
const HOUR_MINUTE = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const DAY = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "short", timeZone: "UTC" });

const DAY_MS = 24 * 60 * 60_000;

/** A time bucket's label on a chart axis: "14:00" for hours, "05 Mar 12:00" for parts of days, "05 Mar" for days. */
export function bucketLabel(start: Date, bucketMs: number): string {
  if (bucketMs >= DAY_MS) return DAY.format(start);
  if (bucketMs === DAY_MS / 24) return HOUR_MINUTE.format(start);
  return `${DAY.format(start)} ${HOUR_MINUTE.format(start)}`;
}
