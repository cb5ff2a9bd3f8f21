"use client";

import { type ReactNode, useState } from "react";
import type { AuditEventView } from "@/lib/audit-feed";
import { AuditEventDrawer } from "./audit-event-drawer";
import { AuditTable } from "./audit-table";
import { LiveTailToggle } from "./live-tail-toggle";
import { useAuditTail } from "./use-audit-tail";

type Props = {
  initialEvents: AuditEventView[];
  initialCursor: string | null;
  filterQuery: string;
  /** False on older pages: the tail adds newer events on top, which belong on the newest page. */
  canTail: boolean;
  grantNames: Record<string, string>;
  serverNames: Record<string, string>;
  /** Shown while there is no event to list. */
  emptyState: ReactNode;
};

/** The audit page's list: its rows, the live tail that adds new ones, and the drawer with one event's details. */
export function AuditLog({
  initialEvents,
  initialCursor,
  filterQuery,
  canTail,
  grantNames,
  serverNames,
  emptyState,
}: Props) {
  const [isLive, setIsLive] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const tail = useAuditTail({ initialEvents, initialCursor, filterQuery, isEnabled: isLive && canTail });
  const selected = tail.events.find((event) => event.id === selectedId) ?? null;
  return (
    <div className="space-y-3">
      <LiveTailToggle
        isLive={isLive}
        canTail={canTail}
        isStale={tail.isStale}
        isFull={tail.isFull}
        onChange={setIsLive}
      />
      {tail.events.length === 0 ? (
        emptyState
      ) : (
        <AuditTable
          events={tail.events}
          grantNames={grantNames}
          newIds={tail.newIds}
          onSelect={setSelectedId}
        />
      )}
      <AuditEventDrawer
        event={selected}
        grantNames={grantNames}
        serverNames={serverNames}
        onClose={() => setSelectedId(null)}
      />
    </div>
  );
}
