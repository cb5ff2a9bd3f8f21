"use server";

import { setAuditRetention } from "@gatehouse/core/audit/set-audit-retention";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";

export type RetentionActionState = FormState & { successMessage?: string };

const RetentionFormSchema = z.object({ days: z.string().max(100).default("") });

/** Sets how many days the organisation's audit events are kept. */
export const setAuditRetentionAction = formAction({
  name: "set-audit-retention",
  access: "manage_audit_settings",
  schema: RetentionFormSchema,
  fields: ["days"],
  run: async ({ input, session, actor, services }): Promise<RetentionActionState> => {
    const days = await setAuditRetention({ db: services.db, orgId: session.orgId, actor, days: input.days });
    revalidatePath("/settings/audit");
    return {
      successMessage: `Saved: audit events are kept for ${days} days. Older ones are deleted at the worker's next retention run (hourly by default).`,
    };
  },
});
