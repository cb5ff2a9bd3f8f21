/** Zero-width, bidirectional-control and tag characters: text a person cannot see but a model reads. */
const FLAGGED = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

const NAMES: Record<number, string> = {
  8203: "ZERO WIDTH SPACE",
  8204: "ZERO WIDTH NON-JOINER",
  8205: "ZERO WIDTH JOINER",
  8288: "WORD JOINER",
  65279: "ZERO WIDTH NO-BREAK SPACE",
  8234: "LEFT-TO-RIGHT EMBEDDING",
  8235: "RIGHT-TO-LEFT EMBEDDING",
  8236: "POP DIRECTIONAL FORMATTING",
  8237: "LEFT-TO-RIGHT OVERRIDE",
  8238: "RIGHT-TO-LEFT OVERRIDE",
  8294: "LEFT-TO-RIGHT ISOLATE",
  8295: "RIGHT-TO-LEFT ISOLATE",
  8296: "FIRST STRONG ISOLATE",
  8297: "POP DIRECTIONAL ISOLATE",
};

/**
 * Describes the invisible characters in a text, or returns undefined if there are none. A zero
 * width joiner between two emoji is how emoji sequences are built, so it is not counted; tag
 * characters are decoded, since they usually spell out a hidden ASCII message.
 */
export function describeInvisibleUnicode(text: string): string | undefined {
  const counts = new Map<number, number>();
  let hidden = "";
  let firstOffset: number | undefined;
  for (const match of text.matchAll(FLAGGED)) {
    const codePoint = match[0].codePointAt(0) ?? 0;
    if (codePoint === 0x200d && joinsEmoji(text, match.index)) continue;
    firstOffset ??= match.index;
    counts.set(codePoint, (counts.get(codePoint) ?? 0) + 1);
    if (codePoint >= 0xe0020 && codePoint <= 0xe007e) hidden += String.fromCodePoint(codePoint - 0xe0000);
  }
  if (counts.size === 0) return undefined;
  const listed = [...counts].map(([codePoint, count]) => `${label(codePoint)} ×${count}`).join(", ");
  const decoded = hidden.length > 0 ? `; tag characters spell ${JSON.stringify(hidden.slice(0, 120))}` : "";
  return `${listed} (first at offset ${firstOffset})${decoded}`;
}

function label(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  return `${hex} ${NAMES[codePoint] ?? "TAG CHARACTER"}`;
}

/** Emoji presentation selectors and skin tones may sit between an emoji and the joiner. */
const EMOJI_TRAILERS = /[\uFE0F\u{1F3FB}-\u{1F3FF}]+$/u;

function joinsEmoji(text: string, index: number): boolean {
  const lead = text.slice(Math.max(0, index - 8), index).replace(EMOJI_TRAILERS, "");
  const before = Array.from(lead).at(-1) ?? "";
  const after = Array.from(text.slice(index + 1, index + 3))[0] ?? "";
  return PICTOGRAPH.test(before) && PICTOGRAPH.test(after);
}
