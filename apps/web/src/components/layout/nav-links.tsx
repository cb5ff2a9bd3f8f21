"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/servers", label: "Servers" },
  { href: "/grants", label: "Grants" },
  { href: "/audit", label: "Audit log" },
] as const;

/** The dashboard's main sections, with the current one marked for sighted and screen-reader users. */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map((link) => {
        const isCurrent = pathname === link.href || pathname.startsWith(`${link.href}/`);
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
