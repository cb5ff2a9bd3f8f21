"use client";

import { DenyIfEditor, withOptionalText } from "./deny-if-editor";
import { LimitsEditor, MiniField } from "./limits-editor";
import { miniInputClass } from "./mini-styles";
import type { ToolEntry } from "./tool-rules";

const EDITED_HERE = new Set(["action", "reason", "limits", "deny_if"]);

/** A custom tool entry: allow or hold for approval, with limits and "deny if" conditions. */
export function CustomRuleEditor(props: {
  toolName: string;
  argumentNames: string[];
  entry: ToolEntry;
  onChange: (entry: ToolEntry) => void;
}) {
  const { toolName, entry, onChange } = props;
  const isApproval = entry.action === "require_approval";
  const otherFields = Object.keys(entry).filter((key) => !EDITED_HERE.has(key));
  return (
    <div className="space-y-3 border-l-2 border-indigo-200 pl-3">
      <div className="flex flex-wrap items-end gap-3">
        <MiniField label="Then">
          <select
            aria-label={`Custom action for ${toolName}`}
            className={`${miniInputClass} w-72`}
            value={isApproval ? "require_approval" : "allow"}
            onChange={(event) => {
              const { reason: _reason, ...rest } = entry;
              onChange({ ...rest, action: event.target.value });
            }}
          >
            <option value="allow">Allow, unless a deny rule matches</option>
            <option value="require_approval">Require approval</option>
          </select>
        </MiniField>
        {isApproval ? (
          <MiniField label="Reason">
            <input
              aria-label={`Approval reason for ${toolName}`}
              className={`${miniInputClass} w-72`}
              value={typeof entry.reason === "string" ? entry.reason : ""}
              onChange={(event) => onChange(withOptionalText(entry, "reason", event.target.value))}
            />
          </MiniField>
        ) : null}
      </div>
      <LimitsEditor
        toolName={toolName}
        limits={Array.isArray(entry.limits) ? entry.limits : []}
        onChange={(limits) => onChange({ ...entry, limits })}
      />
      <DenyIfEditor
        toolName={toolName}
        argumentNames={props.argumentNames}
        items={Array.isArray(entry.deny_if) ? entry.deny_if : []}
        onChange={(items) => {
          const { deny_if: _previous, ...rest } = entry;
          onChange(items.length ? { ...rest, deny_if: items } : rest);
        }}
      />
      {otherFields.length ? (
        <p className="text-xs text-slate-500">
          Also set: <span className="font-mono">{otherFields.join(", ")}</span>. Edit{" "}
          {otherFields.length === 1 ? "it" : "them"} in JSON mode.
        </p>
      ) : null}
    </div>
  );
}
