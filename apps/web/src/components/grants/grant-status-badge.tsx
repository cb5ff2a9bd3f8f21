import { Badge } from "@/components/ui/badge";

/** Active until revoked or past its expiry; neither a revoked nor an expired grant's token works anywhere. */
export function GrantStatusBadge(props: { revokedAt: Date | null; expiresAt?: Date | null; now?: Date }) {
  if (props.revokedAt) return <Badge tone="red">Revoked</Badge>;
  const nowMs = (props.now ?? new Date()).getTime();
  if (props.expiresAt && props.expiresAt.getTime() <= nowMs) return <Badge tone="amber">Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
}
