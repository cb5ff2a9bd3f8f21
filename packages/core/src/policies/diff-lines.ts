export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

// Documents are small (a policy is rarely over a few hundred lines), so the
// quadratic LCS table stays cheap; above this we show a plain replace.
const MAX_CELLS = 4_000_000;

/** A line diff of two texts (longest common subsequence), for showing what changed between policy versions. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = toLines(before);
  const b = toLines(after);
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...a.map((text) => ({ kind: "removed" as const, text })),
      ...b.map((text) => ({ kind: "added" as const, text })),
    ];
  }
  const lengths = commonLengths(a, b);
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      result.push({ kind: "same", text: a[i] ?? "" });
      i++;
      j++;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) {
      result.push({ kind: "removed", text: a[i++] ?? "" });
    } else {
      result.push({ kind: "added", text: b[j++] ?? "" });
    }
  }
  for (; i < a.length; i++) result.push({ kind: "removed", text: a[i] ?? "" });
  for (; j < b.length; j++) result.push({ kind: "added", text: b[j] ?? "" });
  return result;
}

// An empty text has no lines; splitting it would report one blank line added or removed.
function toLines(text: string): string[] {
  return text === "" ? [] : text.split("\n");
}

function commonLengths(a: string[], b: string[]): number[][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = table[i] as number[];
    const below = table[i + 1] as number[];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  return table;
}
