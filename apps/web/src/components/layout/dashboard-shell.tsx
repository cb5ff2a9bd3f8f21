import { listUserOrganizations } from "@gatehouse/core/orgs/list-user-organizations";
import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionContext } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { NavLinks } from "./nav-links";
import { OrgSwitcher } from "./org-switcher";
import { SignOutButton } from "./sign-out-button";

/**
 * The signed-in frame: navigation, organisation switcher and user. Pages pass in the session
 * they already authorised, so the frame itself never decides who may see what.
 */
export async function DashboardShell({
  session,
  children,
}: {
  session: SessionContext;
  children: ReactNode;
}) {
  const organizations = await listUserOrganizations({ db: getServices().db, userId: session.userId });
  return (
    <div className="min-h-screen">
      <header className="bg-slate-900">
        <nav
          aria-label="Main"
          className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-3"
        >
          <div className="flex items-center gap-6">
            <Link href="/servers" className="text-base font-semibold tracking-tight text-white">
              Gatehouse
            </Link>
            <NavLinks />
          </div>
          <div className="flex items-center gap-3">
            <OrgSwitcher
              active={{ orgId: session.orgId, orgName: session.orgName, role: session.role }}
              organizations={organizations}
            />
            <span className="text-xs text-slate-400">{session.name}</span>
            <SignOutButton />
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
