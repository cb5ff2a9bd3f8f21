import type { DiffLine } from "@gatehouse/core/policies/diff-lines";

const LINE_STYLES: Record<DiffLine["kind"], { marker: string; className: string }> = {
  same: { marker: " ", className: "text-slate-600" },
  added: { marker: "+", className: "bg-emerald-50 text-emerald-900" },
  removed: { marker: "-", className: "bg-red-50 text-red-900" },
};

/** A line diff of two texts (policy versions, tool definitions): added lines green with "+", removed red with "-". */
export function LineDiff({ lines, testId }: { lines: DiffLine[]; testId: string }) {
  const isUnchanged = lines.every((line) => line.kind === "same");
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      {isUnchanged ? (
        <p className="border-b border-slate-100 px-3 py-2 text-sm text-slate-600">No differences.</p>
      ) : null}
      <pre
        className="whitespace-pre-wrap py-2 [overflow-wrap:anywhere] font-mono text-xs leading-5"
        data-testid={testId}
      >
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff line is identified by its position.
          <div key={index} data-kind={line.kind} className={`px-3 ${LINE_STYLES[line.kind].className}`}>
            <span aria-hidden="true" className="mr-2 select-none opacity-60">
              {LINE_STYLES[line.kind].marker}
            </span>
            <span className="sr-only">{line.kind === "same" ? "" : `${line.kind}: `}</span>
            {line.text}
          </div>
        ))}
      </pre>
    </div>
  );
}
