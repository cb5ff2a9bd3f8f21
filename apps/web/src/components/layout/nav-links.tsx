"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// `section` is the path prefix that marks a link as current (Settings opens on one of its pages).
const LINKS = [
  { href: "/servers", section: "/servers", label: "Servers" },
  { href: "/policies", section: "/policies", label: "Policies" },
  { href: "/grants", section: "/grants", label: "Grants" },
  { href: "/audit", section: "/audit", label: "Audit log" },
  { href: "/settings/api-keys", section: "/settings", label: "Settings" },
] as const;

/** The dashboard's main sections, with the current one marked for sighted and screen-reader users. */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map((link) => {
        const isCurrent = pathname === link.section || pathname.startsWith(`${link.section}/`);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${isCurrent ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
