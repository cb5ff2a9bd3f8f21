/** Text with `backticked` spans shown as code, as OpenAPI descriptions and template notes are written. */
export function InlineCode({ text }: { text: string }) {
  return text.split("`").map((part, index) =>
    index % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never reorder.
      <code key={index} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] text-slate-800">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
