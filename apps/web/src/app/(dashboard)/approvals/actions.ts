"use server";

import { createApprovalPublisher } from "@gatehouse/core/approvals/approval-channel";
import { decideApproval } from "@gatehouse/core/approvals/decide-approval";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formatDateTime } from "@/lib/format";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

export type DecideApprovalState = FormState & {
  /**
   * Set once the request is no longer pending, whether this decision ended it or it had
   * already ended (someone else decided, or it expired): the page refreshes its data and
   * shows the message.
   */
  ended?: { message: string; isDecidedHere: boolean };
};

const DecideFormSchema = z.object({
  approvalId: z.string().min(1).max(100),
  decision: z.enum(["approve", "deny"]),
  comment: z.string().default(""),
  // A checked checkbox sends "on"; an unchecked one sends nothing.
  allowIdentical: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

/** Approves or denies a held call; the proxy holding it answers the agent at once. */
export async function decideApprovalAction(
  _previous: DecideApprovalState,
  formData: FormData,
): Promise<DecideApprovalState> {
  const session = await requireSession();
  const { db, redis, logger } = getServices();
  const input = DecideFormSchema.parse(Object.fromEntries(formData));
  try {
    assertCan(session, "decide_approvals");
    const { approval } = await decideApproval(
      { db, publish: createApprovalPublisher(redis) },
      {
        ...input,
        orgId: session.orgId,
        actor: sessionActor(session),
        now: new Date(),
      },
    );
    revalidatePath("/approvals", "layout");
    const verdict =
      approval.status === "approved"
        ? `Approved ${approval.name}: the agent's call goes ahead.`
        : `Denied ${approval.name}: the agent is told it was refused.`;
    const reuse = approval.reuseUntil
      ? ` Identical calls are let through until ${formatDateTime(approval.reuseUntil)}.`
      : "";
    return { ended: { message: verdict + reuse, isDecidedHere: true } };
  } catch (error) {
    if (isGatehouseError(error, "conflict")) {
      return { ended: { message: error.publicMessage, isDecidedHere: false } };
    }
    return toFormState(error, { fields: ["comment"], logger, action: "decide-approval" });
  }
}
