import { diffLines } from "@gatehouse/core/policies/diff-lines";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LineDiff } from "@/components/ui/line-diff";
import { cardClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { formatToolDefinition } from "@/lib/tool-definition-text";

export type ToolChangeEntry = {
  id: string;
  detectedAt: Date;
  previousDefinition: unknown;
  newDefinition: unknown;
  approvedAt: Date | null;
  approvedBy: string | null;
};

/** Every recorded change of the tool's definition, newest first, each as a diff with its approval. */
export function ChangeHistory({ changes }: { changes: ToolChangeEntry[] }) {
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
        Change history
      </h2>
      {changes.length === 0 ? (
        <EmptyState title="No changes recorded">
          The definition has stayed as it was when the tool was first discovered.
        </EmptyState>
      ) : (
        <ol className="space-y-4" data-testid="tool-changes">
          {changes.map((change) => (
            <li key={change.id} className={`${cardClass} space-y-3 p-4`} data-testid="tool-change">
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <span className="font-medium text-slate-900">
                  Detected {formatDateTime(change.detectedAt)}
                </span>
                {change.approvedAt ? (
                  <Badge tone="green" testId="tool-change-approved">
                    Approved by {change.approvedBy ?? "someone"} on {formatDateTime(change.approvedAt)}
                  </Badge>
                ) : (
                  <Badge tone="amber">Not approved yet</Badge>
                )}
              </div>
              <LineDiff
                testId="tool-change-diff"
                lines={diffLines(
                  formatToolDefinition(change.previousDefinition),
                  formatToolDefinition(change.newDefinition),
                )}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
