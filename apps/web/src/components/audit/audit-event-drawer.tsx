"use client";

import { useEffect, useRef } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { AuditEventView } from "@/lib/audit-feed";
import { formatDateTime } from "@/lib/format";
import { AuditEventDetails } from "./audit-event-details";

type Props = {
  event: AuditEventView | null;
  grantNames: Record<string, string>;
  serverNames: Record<string, string>;
  onClose: () => void;
};

/**
 * A panel over the right of the page with everything recorded about one call. It is a modal
 * dialog, so focus stays inside and Escape or a click outside closes it.
 */
export function AuditEventDrawer({ event, grantNames, serverNames, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (event && !dialog?.open) dialog?.showModal();
    if (!event && dialog?.open) dialog.close();
  }, [event]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: only a click on the backdrop closes it this way; keyboards have Escape (native) and the Close button.
    <dialog
      ref={dialogRef}
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself, outside its content.
      onClick={(click) => {
        if (click.target === click.currentTarget) click.currentTarget.close();
      }}
      aria-labelledby="audit-drawer-title"
      data-testid="audit-drawer"
      className="fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-full max-w-xl overflow-y-auto bg-white p-0 shadow-xl backdrop:bg-slate-900/30"
    >
      {event ? (
        <div className="min-h-full space-y-6 p-6">
          <div className="flex items-start justify-between gap-4">
            <div className="min-w-0">
              <h2
                id="audit-drawer-title"
                className="break-all font-mono text-base font-semibold text-slate-900"
              >
                {event.tool ?? event.method}
              </h2>
              <p className="mt-1 text-sm text-slate-600">{formatDateTime(event.occurredAt)}</p>
            </div>
            <button type="button" className={secondaryButtonClass} onClick={() => dialogRef.current?.close()}>
              Close
            </button>
          </div>
          <AuditEventDetails event={event} grantNames={grantNames} serverNames={serverNames} />
        </div>
      ) : null}
    </dialog>
  );
}
