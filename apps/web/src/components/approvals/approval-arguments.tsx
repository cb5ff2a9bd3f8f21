import { ArgumentKeyList } from "@/components/ui/argument-key-list";
import type { ApprovalView } from "@/lib/approval-feeds";

/**
 * What the held call would send. Values are shown only to those who may decide (they are
 * often sensitive); others, and everyone once the request has ended and the values are
 * deleted, see just the argument names.
 */
export function ApprovalArguments({ approval, canDecide }: { approval: ApprovalView; canDecide: boolean }) {
  if (approval.arguments) {
    return (
      <pre
        className="max-h-80 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-5 text-slate-900"
        data-testid="approval-arguments"
      >
        {JSON.stringify(approval.arguments, null, 2)}
      </pre>
    );
  }
  return (
    <div className="space-y-1.5 text-sm" data-testid="approval-argument-keys">
      <ArgumentKeyList keys={approval.argumentKeys} />
      <p className="text-xs text-slate-500">
        {canDecide || approval.status !== "pending"
          ? "The values were deleted when the request ended."
          : "Only owners, admins and policy managers, who may decide, see the values."}
      </p>
    </div>
  );
}
