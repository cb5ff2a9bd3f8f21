import { SubNav } from "@/components/ui/sub-nav";

const LINKS = [
  { href: "/settings/members", label: "Members" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/webhooks", label: "Webhooks" },
  { href: "/settings/audit", label: "Audit retention" },
] as const;

/** The settings pages' own navigation, shown above each page's header with the current page marked. */
export function SettingsNav() {
  return <SubNav label="Settings" links={LINKS} />;
}
