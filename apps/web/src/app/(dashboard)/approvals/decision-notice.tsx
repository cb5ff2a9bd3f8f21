import { FormError, FormSuccess } from "@/components/ui/form-message";
import type { DecideApprovalState } from "./actions";

export type Notice = NonNullable<DecideApprovalState["ended"]>;

/**
 * What became of the last decision made on this page (kept above the list, as the
 * decided request leaves it), and a warning while live updates are failing.
 */
export function DecisionNotice({ notice, isStale }: { notice: Notice | null; isStale: boolean }) {
  return (
    <div className="space-y-2 empty:hidden">
      {notice?.isDecidedHere ? <FormSuccess>{notice.message}</FormSuccess> : null}
      {notice && !notice.isDecidedHere ? <FormError message={notice.message} /> : null}
      {isStale ? (
        <p role="status" className="text-sm text-amber-800" data-testid="live-updates-stale">
          Live updates paused: Gatehouse could not be reached. Retrying…
        </p>
      ) : null}
    </div>
  );
}
