"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { PendingCountSchema } from "@/lib/approval-feeds";
import { usePolledJson } from "@/lib/use-polled-json";

// `section` is the path prefix that marks a link as current (Settings opens on one of its pages).
const LINKS = [
  { href: "/servers", section: "/servers", label: "Servers" },
  { href: "/policies", section: "/policies", label: "Policies" },
  { href: "/grants", section: "/grants", label: "Grants" },
  { href: "/approvals", section: "/approvals", label: "Approvals" },
  { href: "/audit", section: "/audit", label: "Audit log" },
  { href: "/settings/api-keys", section: "/settings", label: "Settings" },
] as const;

// A held call waits on a person, so the count should show up soon wherever they are in the dashboard.
const PENDING_POLL_INTERVAL_MS = 5000;

/** The dashboard's main sections, with the current one marked for sighted and screen-reader users. */
export function NavLinks() {
  const pathname = usePathname();
  const pendingCount = usePendingApprovalCount();
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map((link) => {
        const isCurrent = pathname === link.section || pathname.startsWith(`${link.section}/`);
        const badgeCount = link.href === "/approvals" ? pendingCount : 0;
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent ? "page" : undefined}
              aria-label={badgeCount > 0 ? `${link.label}, ${badgeCount} pending` : undefined}
              className={`inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium ${isCurrent ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
            >
              {link.label}
              {badgeCount > 0 ? (
                <span
                  aria-hidden="true"
                  data-testid="pending-approvals-badge"
                  className="rounded-full bg-amber-400 px-1.5 text-xs font-semibold tabular-nums text-slate-900"
                >
                  {badgeCount}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** Pending approval requests in the user's organisation, polled; 0 until the first answer. */
function usePendingApprovalCount(): number {
  const { data } = usePolledJson({
    url: "/api/dashboard/approvals/count",
    intervalMs: PENDING_POLL_INTERVAL_MS,
    schema: PendingCountSchema,
  });
  return data?.pendingCount ?? 0;
}
