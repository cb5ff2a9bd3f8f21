import type { Prisma } from "@gatehouse/db/models";
import { z } from "zod";

/** Where a page of the admin trail ended: the last event's time and id (the trail's sort key). */
type TrailPosition = { occurredAt: Date; id: string };

const DecodedCursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(100)]);

/** An opaque cursor for the page after `position`. */
export function encodeAdminEventCursor(position: TrailPosition): string {
  return Buffer.from(JSON.stringify([position.occurredAt.toISOString(), position.id])).toString("base64url");
}

/**
 * The events strictly older than the cursor's position. A cursor that does not decode
 * means "from the newest", as a stale or hand-edited link should not be an error page.
 */
export function olderThanAdminEventCursor(cursor: string | undefined): Prisma.AdminEventWhereInput {
  if (!cursor) return {};
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return {};
  }
  const parsed = DecodedCursorSchema.safeParse(decoded);
  if (!parsed.success) return {};
  const [iso, id] = parsed.data;
  const occurredAt = new Date(iso);
  // The redundant upper bound lets Postgres start the (orgId, occurredAt, id) index scan at
  // the cursor; the OR alone cannot narrow it.
  return {
    occurredAt: { lte: occurredAt },
    OR: [{ occurredAt: { lt: occurredAt } }, { occurredAt, id: { lt: id } }],
  };
}
