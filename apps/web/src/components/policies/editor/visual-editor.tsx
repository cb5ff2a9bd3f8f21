"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { PolicyDocument } from "@/lib/policy-json";
import { miniInputClass } from "./mini-styles";
import { ToolRuleRow } from "./tool-rule-row";
import { type CatalogueTool, chooseToolRule, listToolRows, setToolEntry } from "./tool-rules";

/**
 * The policy as choices: the default, the mode, and a rule per tool. Everything else in the
 * document (resources, prompts, categories, all_tools…) is kept as it is.
 */
export function VisualEditor(props: {
  document: PolicyDocument;
  catalogue: readonly CatalogueTool[];
  onChange: (document: PolicyDocument) => void;
  readOnly?: boolean;
}) {
  const { document, onChange } = props;
  const rows = listToolRows(document, props.catalogue);
  const defaultAction = document.default === "allow" ? "allow" : "deny";
  return (
    <fieldset disabled={props.readOnly} className="space-y-4" data-testid="visual-editor">
      <div className="flex flex-wrap gap-6">
        <label className="space-y-1 text-sm font-medium text-slate-800">
          <span className="block">Default for unlisted tools</span>
          <select
            className={`${miniInputClass} w-56 py-1.5 text-sm`}
            value={typeof document.default === "string" ? document.default : ""}
            onChange={(event) => onChange({ ...document, default: event.target.value })}
          >
            <option value="deny">Deny (recommended)</option>
            <option value="allow">Allow</option>
          </select>
        </label>
        <label className="space-y-1 text-sm font-medium text-slate-800">
          <span className="block">Mode</span>
          <select
            className={`${miniInputClass} w-56 py-1.5 text-sm`}
            value={document.mode === "shadow" ? "shadow" : "enforce"}
            onChange={(event) => {
              const { mode: _mode, ...rest } = document;
              onChange(event.target.value === "shadow" ? { ...rest, mode: "shadow" } : rest);
            }}
          >
            <option value="enforce">Enforce</option>
            <option value="shadow">Shadow (log decisions, let calls through)</option>
          </select>
        </label>
      </div>
      {rows.length ? (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-md border border-slate-200 bg-white">
          {rows.map((row) => (
            <ToolRuleRow
              key={row.name}
              row={row}
              defaultAction={defaultAction}
              onChoose={(choice) => onChange(chooseToolRule(document, row.name, choice))}
              onEntryChange={(entry) => onChange(setToolEntry(document, row.name, entry))}
            />
          ))}
        </ul>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          This server has no catalogued tools yet. Run “Connect &amp; discover” on the server, or add a tool
          name below.
        </p>
      )}
      <AddToolRow
        names={rows.map((row) => row.name)}
        onAdd={(name) => onChange(chooseToolRule(document, name, "allow"))}
      />
    </fieldset>
  );
}

/** Adds a rule for a name or glob the catalogue does not list (e.g. "debug_*"). */
function AddToolRow({ names, onAdd }: { names: string[]; onAdd: (name: string) => void }) {
  const [name, setName] = useState("");
  const trimmed = name.trim();
  const canAdd = trimmed !== "" && !names.includes(trimmed);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        aria-label="Tool name or glob to add"
        placeholder="Another tool name or glob, e.g. debug_*"
        className={`${miniInputClass} w-72 py-1.5 text-sm`}
        value={name}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            if (canAdd) {
              onAdd(trimmed);
              setName("");
            }
          }
        }}
      />
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={!canAdd}
        onClick={() => {
          onAdd(trimmed);
          setName("");
        }}
      >
        Add rule
      </button>
    </div>
  );
}
