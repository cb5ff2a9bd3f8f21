"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type SubNavLink = { href: string; label: string };

/** A section's own navigation (settings, audit), shown above each page's header with the current page marked. */
export function SubNav({ label, links }: { label: string; links: readonly SubNavLink[] }) {
  const pathname = usePathname();
  // The longest link containing the path is current, so "/audit" is not marked on "/audit/overview".
  const current = links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .reduce<SubNavLink | undefined>(
      (best, link) => (link.href.length > (best?.href.length ?? -1) ? link : best),
      undefined,
    );
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-4">
        {links.map((link) => {
          const isCurrent = link === current;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium ${isCurrent ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
