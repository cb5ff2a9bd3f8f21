"use client";

import { useEffect, useState } from "react";
import { type AuditEventView, AuditTailSchema } from "@/lib/audit-feed";
import { usePolledJson } from "@/lib/use-polled-json";

export const TAIL_INTERVAL_MS = 2000;
// A tab left tailing a busy organisation stops here rather than growing without bound.
export const MAX_TAILED_EVENTS = 1000;

type TailOptions = {
  initialEvents: AuditEventView[];
  /** The cursor of the newest event the page rendered; null when it rendered none. */
  initialCursor: string | null;
  /** The page's filters as a query string, so the tail shows only matching events. */
  filterQuery: string;
  isEnabled: boolean;
};

/**
 * The page's events, with those filed since it loaded added on top while enabled: it polls for
 * events newer than the newest it has, so each appears once and in order, without a reload.
 */
export function useAuditTail({ initialEvents, initialCursor, filterQuery, isEnabled }: TailOptions) {
  const [events, setEvents] = useState(initialEvents);
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(() => new Set());
  const [cursor, setCursor] = useState(initialCursor);
  const isFull = newIds.size >= MAX_TAILED_EVENTS;
  const query = new URLSearchParams(filterQuery);
  if (cursor) query.set("after", cursor);
  const { data, isStale } = usePolledJson({
    url: `/api/dashboard/audit-events?${query}`,
    intervalMs: TAIL_INTERVAL_MS,
    schema: AuditTailSchema,
    isEnabled: isEnabled && !isFull,
  });

  useEffect(() => {
    if (!data) return;
    if (data.cursor) setCursor(data.cursor);
    if (data.events.length === 0) return;
    // The answer is oldest first; the list is newest first. Ids already shown are skipped, so
    // an answer applied twice (React's development re-runs) adds nothing.
    setEvents((shown) => {
      const known = new Set(shown.map((event) => event.id));
      return [...data.events.filter((event) => !known.has(event.id)).reverse(), ...shown];
    });
    setNewIds((ids) => new Set([...ids, ...data.events.map((event) => event.id)]));
  }, [data]);

  return { events, newIds, isStale, isFull };
}
