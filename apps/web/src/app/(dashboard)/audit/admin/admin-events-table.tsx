import type { AdminEvent } from "@gatehouse/db/models";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { adminTargetHref } from "./admin-target-href";

const COLUMNS = ["Time", "Actor", "Action", "Target", "Details"];

/** One row per change an admin, an API key or Gatehouse made, newest first. */
export function AdminEventsTable({ events }: { events: AdminEvent[] }) {
  return (
    <DataTable columns={COLUMNS} testId="admin-events-table">
      {events.map((event) => (
        <tr key={event.id} data-testid="admin-event-row">
          <td className="whitespace-nowrap px-3 py-2 text-slate-600">{formatDateTime(event.occurredAt)}</td>
          <td className="px-3 py-2 text-slate-900" data-testid="admin-event-actor">
            {event.actorName}
          </td>
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs" data-testid="admin-event-action">
            {event.action}
          </td>
          <td className="px-3 py-2" data-testid="admin-event-target">
            <AdminTarget event={event} />
          </td>
          <td className="px-3 py-2">
            <AdminEventDetails details={event.details} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function AdminTarget({ event }: { event: AdminEvent }) {
  const label = event.targetName ?? event.targetType.replace("_", " ");
  const href = adminTargetHref(event);
  return (
    <>
      {href ? (
        <Link href={href} className={linkClass}>
          {label}
        </Link>
      ) : (
        label
      )}
      <div className="text-xs text-slate-500">{event.targetType.replace("_", " ")}</div>
    </>
  );
}

/** What changed, one "name: value" line each; lists are joined, and an absent value shows as a dash. */
function AdminEventDetails({ details }: { details: AdminEvent["details"] }) {
  if (typeof details !== "object" || details === null || Array.isArray(details)) {
    return <span className="text-slate-400">—</span>;
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {Object.entries(details).map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-slate-500">{name}</dt>
          <dd className="break-all text-slate-800">
            {Array.isArray(value) ? value.join(", ") || "—" : value === null ? "—" : String(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
