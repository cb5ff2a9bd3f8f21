"use client";

import { useEffect, useRef, useState } from "react";
import { monoInputClass } from "@/components/ui/styles";

/** Where the dashboard publishes the policy JSON Schema (app/schemas/policy-v1.json/route.ts). */
export const POLICY_SCHEMA_PATH = "/schemas/policy-v1.json";

type JsonEditorProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string | undefined;
  isInvalid?: boolean;
  readOnly?: boolean;
};

/**
 * A JSON editor: CodeMirror with completion, hover help and validation from the published
 * policy JSON Schema. A plain textarea is shown until CodeMirror has loaded (and stays if it
 * cannot), so the policy can always be edited. The editor owns its text while mounted; the
 * parent only hears about changes.
 */
export function JsonEditor(props: JsonEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const [isReady, setIsReady] = useState(false);

  useEffect(() => {
    let isCancelled = false;
    let destroy: (() => void) | undefined;
    mountCodeMirror(hostRef, latest)
      .then((cleanup) => {
        if (isCancelled) cleanup();
        else {
          destroy = cleanup;
          setIsReady(true);
        }
      })
      .catch(() => {
        // The textarea stays; it edits the same text, only without schema help.
      });
    return () => {
      isCancelled = true;
      destroy?.();
    };
  }, []);

  return (
    <div className="space-y-1.5">
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {isReady ? null : (
        <textarea
          id={props.id}
          className={monoInputClass}
          rows={18}
          spellCheck={false}
          value={props.value}
          readOnly={props.readOnly}
          aria-invalid={props.isInvalid || undefined}
          aria-describedby={props.describedBy}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      <div
        ref={hostRef}
        hidden={!isReady}
        data-testid="policy-json"
        className="overflow-hidden rounded-md border border-slate-300 shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30"
      />
    </div>
  );
}

async function mountCodeMirror(
  hostRef: { current: HTMLDivElement | null },
  latest: { current: JsonEditorProps },
): Promise<() => void> {
  // Loaded on demand: CodeMirror and the schema tooling are only needed once someone edits JSON.
  const [{ basicSetup, EditorView }, { EditorState }, { jsonSchema }, schema] = await Promise.all([
    import("codemirror"),
    import("@codemirror/state"),
    import("codemirror-json-schema"),
    loadSchema(),
  ]);
  const parent = hostRef.current;
  if (!parent) return () => {};
  const { id, label, describedBy, readOnly } = latest.current;
  const view = new EditorView({
    parent,
    doc: latest.current.value,
    extensions: [
      basicSetup,
      jsonSchema(schema as Parameters<typeof jsonSchema>[0]),
      EditorState.readOnly.of(readOnly === true),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        id,
        "aria-label": label,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) latest.current.onChange(update.state.doc.toString());
      }),
      EDITOR_THEME(EditorView),
    ],
  });
  // The textarea may have been edited while CodeMirror loaded; start from the latest text.
  if (view.state.doc.toString() !== latest.current.value) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: latest.current.value } });
  }
  return () => view.destroy();
}

// A schema that cannot be fetched only costs completion and hints; JSON syntax is still checked.
async function loadSchema(): Promise<Record<string, unknown> | undefined> {
  try {
    const response = await fetch(POLICY_SCHEMA_PATH);
    return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const EDITOR_THEME = (EditorView: typeof import("codemirror").EditorView) =>
  EditorView.theme({
    "&": { fontSize: "13px", backgroundColor: "white" },
    "&.cm-focused": { outline: "none" },
    ".cm-scroller": { fontFamily: "var(--font-mono, ui-monospace, monospace)", minHeight: "18rem" },
    ".cm-content": { padding: "8px 0" },
    ".cm-gutters": { backgroundColor: "rgb(248 250 252)", borderRight: "1px solid rgb(226 232 240)" },
    ".cm-tooltip": { maxWidth: "32rem", fontSize: "12px" },
  });
