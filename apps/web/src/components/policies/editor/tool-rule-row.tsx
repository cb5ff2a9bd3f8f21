"use client";

import { Badge } from "@/components/ui/badge";
import { CustomRuleEditor } from "./custom-rule-editor";
import { withOptionalText } from "./deny-if-editor";
import { miniInputClass } from "./mini-styles";
import { CHOICE_LABELS, TOOL_CHOICES, type ToolChoice, type ToolEntry, type ToolRow } from "./tool-rules";

// A coloured edge shows each tool's fate at a glance, down a long list.
const CHOICE_EDGES: Record<ToolChoice, string> = {
  default: "border-l-transparent",
  allow: "border-l-emerald-500",
  deny: "border-l-red-500",
  hide: "border-l-slate-400",
  require_approval: "border-l-amber-500",
  custom: "border-l-indigo-500",
};

/** One tool's rule: a choice of what happens to its calls, and the details that choice needs. */
export function ToolRuleRow(props: {
  row: ToolRow;
  defaultAction: string;
  onChoose: (choice: ToolChoice) => void;
  onEntryChange: (entry: ToolEntry) => void;
}) {
  const { row } = props;
  const entry = row.entry ?? {};
  return (
    <li
      className={`space-y-2 border-l-4 px-4 py-3 ${CHOICE_EDGES[row.choice]}`}
      data-testid="tool-rule"
      data-tool={row.name}
    >
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1 basis-56">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm text-slate-900">{row.name}</span>
            {row.tool?.category ? <Badge tone="slate">{row.tool.category}</Badge> : null}
            {row.isGlob ? (
              <Badge tone="indigo">glob</Badge>
            ) : row.tool ? null : (
              <Badge tone="amber">not in catalogue</Badge>
            )}
          </div>
          {row.tool?.description ? (
            <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">{row.tool.description}</p>
          ) : null}
          {row.hiddenBy ? (
            <p className="mt-0.5 text-xs text-amber-700">
              Hidden by <span className="font-mono">{row.hiddenBy}</span> in "hide", whatever this rule says.
            </p>
          ) : null}
        </div>
        <select
          aria-label={`Rule for ${row.name}`}
          className={`${miniInputClass} w-44 py-1.5 text-sm`}
          value={row.choice}
          onChange={(event) => props.onChoose(event.target.value as ToolChoice)}
        >
          {TOOL_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === "default" ? `Default (${props.defaultAction})` : CHOICE_LABELS[choice]}
            </option>
          ))}
        </select>
      </div>
      {row.choice === "deny" || row.choice === "require_approval" ? (
        <input
          aria-label={`${row.choice === "deny" ? "Deny reason" : "Approval reason"} for ${row.name}`}
          placeholder={
            row.choice === "deny"
              ? "Reason shown to the agent (optional)"
              : "Why a person must approve (optional)"
          }
          className={`${miniInputClass} w-full max-w-xl`}
          value={typeof entry.reason === "string" ? entry.reason : ""}
          onChange={(event) => props.onEntryChange(withOptionalText(entry, "reason", event.target.value))}
        />
      ) : null}
      {row.choice === "custom" ? (
        <CustomRuleEditor
          toolName={row.name}
          argumentNames={row.tool?.argumentNames ?? []}
          entry={entry}
          onChange={props.onEntryChange}
        />
      ) : null}
    </li>
  );
}
