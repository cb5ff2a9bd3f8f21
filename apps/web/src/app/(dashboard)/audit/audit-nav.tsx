import { SubNav } from "@/components/ui/sub-nav";

const LINKS = [
  { href: "/audit", label: "Calls" },
  { href: "/audit/overview", label: "Overview" },
  { href: "/audit/admin", label: "Admin trail" },
] as const;

/** The audit pages' own navigation: the calls agents made, charts of them, and what admins changed. */
export function AuditNav() {
  return <SubNav label="Audit" links={LINKS} />;
}
