/** A call's argument names as chips, or "No arguments." — what is shown where values are not. */
export function ArgumentKeyList({ keys, testId }: { keys: readonly string[]; testId?: string }) {
  if (keys.length === 0) return <p className="text-slate-600">No arguments.</p>;
  return (
    <ul className="flex flex-wrap gap-1.5" data-testid={testId}>
      {keys.map((key) => (
        <li key={key} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
          {key}
        </li>
      ))}
    </ul>
  );
}
