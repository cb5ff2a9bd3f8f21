import { linkClass } from "@/components/ui/styles";
import { POLICY_SCHEMA_PATH } from "./json-editor";

const FIELDS: [string, string][] = [
  ["version", 'always "1"'],
  ["default", '"deny" or "allow": what happens to a call no entry selects'],
  ["mode", '"enforce" (default) or "shadow": decide and log, but let every call through'],
  ["hide", "tool names or globs hidden from tools/list and denied"],
  ["all_tools.limits", "limits every allowed tool call counts against"],
  [
    "categories.<category>",
    "an entry for tools of a risk category (read, write, execute, destructive, financial)",
  ],
  [
    "tools.<name or glob>",
    "an entry: action (allow, deny, require_approval), reason, limits, rate_limit, deny_if, approve_if",
  ],
  ["resources.<uri glob>, prompts.<name glob>", "entries for resource reads and prompt gets"],
];

/** The policy's fields in brief, with a link to the full JSON Schema the editor validates against. */
export function PolicyFieldHelp() {
  return (
    <details className="text-xs text-slate-600">
      <summary className="cursor-pointer select-none font-medium text-slate-700">Policy fields</summary>
      <dl className="mt-2 grid grid-cols-[minmax(0,14rem)_1fr] gap-x-4 gap-y-1">
        {FIELDS.map(([field, meaning]) => (
          <div key={field} className="contents">
            <dt className="font-mono text-slate-800">{field}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2">
        Full reference:{" "}
        <a href={POLICY_SCHEMA_PATH} className={linkClass} target="_blank" rel="noreferrer">
          policy JSON Schema
        </a>
        .
      </p>
    </details>
  );
}
