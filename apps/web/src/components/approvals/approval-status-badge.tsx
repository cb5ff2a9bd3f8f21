import type { ApprovalStatus } from "@gatehouse/db/models";
import { Badge } from "@/components/ui/badge";
import { APPROVAL_STATUS_BADGES } from "./approval-outcome";

/** A request's status: pending, approved, denied, timed out, cancelled, abandoned or reused. */
export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  const { tone, label } = APPROVAL_STATUS_BADGES[status];
  return (
    <Badge tone={tone} testId="approval-status">
      {label}
    </Badge>
  );
}
