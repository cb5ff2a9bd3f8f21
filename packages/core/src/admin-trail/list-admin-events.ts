import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import { encodeAdminEventCursor, olderThanAdminEventCursor } from "./admin-event-cursor";
import { ADMIN_ACTIONS } from "./record-admin-event";

export const AdminEventFilterSchema = z.object({
  action: z.enum(ADMIN_ACTIONS).optional(),
  /** Part of the actor's name, any case: "alice", or "API key" for every key. */
  actor: z.string().trim().min(1).max(200).optional(),
  before: z.string().min(1).max(500).optional(),
});
export type AdminEventFilter = z.infer<typeof AdminEventFilterSchema>;

const ADMIN_EVENT_PAGE_SIZE = 50;

/**
 * A page of the organisation's admin trail, newest first. `before` is the cursor returned
 * as `nextCursor` (keyset pagination: a page stays the same while new events arrive).
 */
export async function listAdminEvents(options: {
  db: Db;
  orgId: string;
  filter: AdminEventFilter;
  pageSize?: number;
}) {
  const pageSize = options.pageSize ?? ADMIN_EVENT_PAGE_SIZE;
  const { action, actor, before } = options.filter;
  const rows = await options.db.adminEvent.findMany({
    where: {
      orgId: options.orgId,
      ...(action ? { action } : {}),
      ...(actor ? { actorName: { contains: actor, mode: "insensitive" } } : {}),
      ...olderThanAdminEventCursor(before),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor = rows.length > pageSize && last ? encodeAdminEventCursor(last) : null;
  return { events: page, nextCursor };
}
