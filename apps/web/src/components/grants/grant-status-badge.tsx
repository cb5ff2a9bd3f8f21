import { Badge } from "@/components/ui/badge";

/** Active until revoked; a revoked grant's token no longer works anywhere. */
export function GrantStatusBadge({ revokedAt }: { revokedAt: Date | null }) {
  return revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>;
}
