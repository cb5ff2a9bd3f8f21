"use client";

import { useState } from "react";
import { FieldErrorList } from "@/components/ui/field";
import { formatPolicyDocument } from "@/lib/policy-json";
import { JsonEditor } from "./json-editor";
import { readDraft } from "./policy-draft";
import { PolicyFieldHelp } from "./policy-field-help";
import type { CatalogueTool } from "./tool-rules";
import { VisualEditor } from "./visual-editor";

type EditorMode = "visual" | "json";

export type PolicyEditorProps = {
  /** Names the JSON editor ("Policy") and, with `name`, the form field carrying the text. */
  label?: string;
  id?: string;
  name?: string;
  value: string;
  onChange: (text: string) => void;
  catalogue: readonly CatalogueTool[];
  /** Validation problems from the server, each "path: message". */
  errors?: string[] | undefined;
  readOnly?: boolean;
};

/**
 * Edits a policy in two modes over the same text: Visual (choices per tool) and JSON
 * (CodeMirror with the policy schema). Switching converts both ways; JSON that the visual
 * editor cannot show keeps you in JSON mode with the reason.
 */
export function PolicyEditor({ label = "Policy", id = "policy", ...props }: PolicyEditorProps) {
  const [mode, setMode] = useState<EditorMode>(() => (readDraft(props.value).ok ? "visual" : "json"));
  const [switchError, setSwitchError] = useState<string>();
  const draft = mode === "visual" ? readDraft(props.value) : undefined;
  const errorId = `${id}-error`;

  const switchTo = (next: EditorMode) => {
    if (next === mode) return;
    const reading = readDraft(props.value);
    if (next === "visual" && !reading.ok) {
      setSwitchError(reading.message);
      return;
    }
    setSwitchError(undefined);
    // Leaving Visual, the JSON is already current; entering it, tidy the layout once.
    if (next === "visual" && reading.ok) props.onChange(formatPolicyDocument(reading.document));
    setMode(next);
  };

  return (
    <div className="space-y-3" data-testid="policy-editor">
      {props.name ? <input type="hidden" name={props.name} value={props.value} /> : null}
      <div
        role="tablist"
        aria-label="Editor mode"
        className="inline-flex rounded-md border border-slate-300 bg-slate-50 p-0.5"
      >
        {(["visual", "json"] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={mode === tab}
            className={`rounded px-3 py-1 text-sm font-medium ${mode === tab ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
            onClick={() => switchTo(tab)}
          >
            {tab === "visual" ? "Visual" : "JSON"}
          </button>
        ))}
      </div>
      {switchError ? (
        <p role="alert" data-testid="mode-error" className="text-sm text-red-700">
          {switchError}
        </p>
      ) : null}
      {draft?.ok ? (
        <VisualEditor
          document={draft.document}
          catalogue={props.catalogue}
          readOnly={props.readOnly}
          onChange={(document) => props.onChange(formatPolicyDocument(document))}
        />
      ) : (
        <>
          <JsonEditor
            id={id}
            label={label}
            value={props.value}
            onChange={props.onChange}
            readOnly={props.readOnly}
            isInvalid={Boolean(props.errors?.length)}
            describedBy={props.errors?.length ? errorId : undefined}
          />
          <PolicyFieldHelp />
        </>
      )}
      <FieldErrorList id={errorId} errors={props.errors} />
    </div>
  );
}
