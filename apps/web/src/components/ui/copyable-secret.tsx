import { CopyButton } from "./copy-button";

/** A secret shown this one time: selectable in one click, with a button that copies it. */
export function CopyableSecret({
  value,
  testId,
  copyLabel,
}: {
  value: string;
  testId: string;
  copyLabel?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <code
        data-testid={testId}
        className="block min-w-0 flex-1 select-all break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100"
      >
        {value}
      </code>
      <CopyButton value={value} label={copyLabel} />
    </div>
  );
}
