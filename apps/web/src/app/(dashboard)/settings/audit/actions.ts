"use server";

import { setAuditRetention } from "@gatehouse/core/audit/set-audit-retention";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

export type RetentionActionState = FormState & { successMessage?: string };

const RetentionFormSchema = z.object({ days: z.string().max(100).default("") });

/** Sets how many days the organisation's audit events are kept. */
export async function setAuditRetentionAction(
  _previous: RetentionActionState,
  formData: FormData,
): Promise<RetentionActionState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCan(session, "manage_audit_settings");
    const form = RetentionFormSchema.parse(Object.fromEntries(formData));
    const days = await setAuditRetention({
      db,
      orgId: session.orgId,
      actor: sessionActor(session),
      days: form.days,
    });
    revalidatePath("/settings/audit");
    return {
      successMessage: `Saved: audit events are kept for ${days} days. Older ones are deleted at the worker's next retention run (hourly by default).`,
    };
  } catch (error) {
    return toFormState(error, { fields: ["days"], logger, action: "set-audit-retention" });
  }
}
