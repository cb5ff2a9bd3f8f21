const UNITS = [
  ["d", 24 * 60 * 60],
  ["h", 60 * 60],
  ["m", 60],
  ["s", 1],
] as const;

/** A duration as policies write it: "45s", "10m", "1h 30m"; seconds are rounded up. */
export function formatDuration(seconds: number): string {
  let rest = Math.max(0, Math.ceil(seconds));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (rest < size) continue;
    parts.push(`${Math.floor(rest / size)}${unit}`);
    rest %= size;
  }
  return parts.length > 0 ? parts.join(" ") : "0s";
}
