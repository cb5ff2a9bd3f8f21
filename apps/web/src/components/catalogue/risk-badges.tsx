import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ToolStatus } from "@/lib/tool-catalogue";
import { FLAG_LABELS, type ToolFlag } from "@/lib/tool-risk";

// Colour rises with risk, so a table of tools can be scanned for the red ones.
const CATEGORY_TONES: Record<string, BadgeTone> = {
  read: "green",
  write: "indigo",
  execute: "amber",
  destructive: "red",
  financial: "violet",
};

const SEVERITY_TONES: Record<string, BadgeTone> = {
  low: "slate",
  medium: "amber",
  high: "orange",
  critical: "red",
};

/** What the tool does, as the classifier judged it; "unclassified" for tools catalogued before it ran. */
export function CategoryBadge({ category }: { category: string | null }) {
  return (
    <Badge tone={(category && CATEGORY_TONES[category]) || "slate"} testId="tool-category">
      {category ?? "unclassified"}
    </Badge>
  );
}

/** How much harm a call could do. */
export function SeverityBadge({ severity }: { severity: string | null }) {
  if (!severity) return null;
  return (
    <Badge tone={SEVERITY_TONES[severity] ?? "slate"} testId="tool-severity">
      {severity}
    </Badge>
  );
}

/** Marks a tool whose texts the poisoning scan flagged; hover lists what was found. */
export function FlagMarker({ flags }: { flags: ToolFlag[] }) {
  if (!flags.length) return null;
  const kinds = [...new Set(flags.map((flag) => FLAG_LABELS[flag.kind] ?? flag.kind))];
  return (
    <Badge tone="red" testId="tool-flagged" title={`Flagged: ${kinds.join(", ")}`}>
      <span aria-hidden="true" className="mr-1">
        ⚑
      </span>
      flagged ({flags.length})
    </Badge>
  );
}

/** Removed, changed-and-awaiting-approval and new markers. */
export function StatusBadges({ status }: { status: ToolStatus }) {
  return (
    <>
      {status.isRemoved ? (
        <Badge tone="slate" testId="tool-removed" title="No longer offered by the server">
          removed
        </Badge>
      ) : null}
      {status.isAwaitingApproval ? (
        <Badge
          tone="amber"
          testId="tool-awaiting-approval"
          title="Its definition changed since it was approved; the proxy refuses calls to it until someone approves the new definition."
        >
          changed — awaiting approval
        </Badge>
      ) : null}
      {status.isNew ? (
        <Badge tone="indigo" testId="tool-new" title="First seen at the last discovery">
          new
        </Badge>
      ) : null}
    </>
  );
}
