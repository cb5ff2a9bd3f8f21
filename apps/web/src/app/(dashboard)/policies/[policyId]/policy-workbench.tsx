"use client";

import { type ReactNode, useCallback, useState } from "react";
import { PolicyEditor } from "@/components/policies/editor/policy-editor";
import type { CatalogueTool } from "@/components/policies/editor/tool-rules";
import { cardClass } from "@/components/ui/styles";
import { type Recommendation, RecommendedPolicyPanel } from "./recommended-policy-panel";
import { ReplayPanel } from "./replay-panel";
import { SavePolicyForm } from "./save-policy-form";
import { TryItPanel } from "./try-it-panel";

/**
 * The policy's editor with what acts on its draft: Save (a new version), Try it (one call)
 * and Replay (recent calls). Try it and Replay use the unsaved draft, so a change can be
 * checked before anyone's agent feels it. The recommended policy, once applied, replaces
 * the draft.
 */
export function PolicyWorkbench(props: {
  policyId: string;
  version: number;
  document: string;
  catalogue: CatalogueTool[];
  canEdit: boolean;
  recommendation: Recommendation;
  /** Shown beside the editor (the grants using the policy). */
  sidebar: ReactNode;
}) {
  const [draft, setDraft] = useState(props.document);
  const [saveErrors, setSaveErrors] = useState<string[]>();
  // The JSON editor owns its text while mounted, so replacing the draft from outside remounts it.
  const [editorKey, setEditorKey] = useState(0);
  const replaceDraft = useCallback((document: string) => {
    setDraft(document);
    setSaveErrors(undefined);
    setEditorKey((key) => key + 1);
  }, []);
  return (
    <div className="space-y-8">
      <RecommendedPolicyPanel
        policyId={props.policyId}
        version={props.version}
        recommendation={props.recommendation}
        canEdit={props.canEdit}
        onApplied={replaceDraft}
      />
      <div className="grid gap-8 xl:grid-cols-[1fr_18rem]">
        <section className={`${cardClass} min-w-0 space-y-6 p-6`} aria-label="Policy editor">
          <PolicyEditor
            key={editorKey}
            value={draft}
            onChange={setDraft}
            catalogue={props.catalogue}
            errors={saveErrors}
            readOnly={!props.canEdit}
          />
          {props.canEdit ? (
            <SavePolicyForm
              policyId={props.policyId}
              version={props.version}
              draft={draft}
              onErrors={setSaveErrors}
            />
          ) : (
            <p className="text-sm text-slate-600">Your role can read this policy but not change it.</p>
          )}
        </section>
        {props.sidebar}
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <TryItPanel policyId={props.policyId} draft={draft} catalogue={props.catalogue} />
        <ReplayPanel policyId={props.policyId} draft={draft} />
      </div>
    </div>
  );
}
