import type { ReactNode } from "react";

/**
 * What a page that exists only to do something answers a member whose role may not do it:
 * the page itself (HTTP 200, in the dashboard), saying who can, instead of a form that would
 * only be refused. Links and buttons to such pages are hidden from that role already.
 */
export function RoleRequired({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      role="note"
      data-testid="role-required"
      className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center"
    >
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="mx-auto mt-2 max-w-md text-sm text-slate-600">{children}</div>
    </div>
  );
}
