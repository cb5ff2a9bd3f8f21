// Dates render on the server, so they are formatted in UTC with an explicit zone
// rather than in whatever zone the server happens to run in.
const dateTime = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** A timestamp as people read it, e.g. "05 Mar 2026, 14:03:09 UTC". */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

/** "1 tool", "3 tools". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
