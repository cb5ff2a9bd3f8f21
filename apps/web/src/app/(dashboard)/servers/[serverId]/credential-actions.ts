"use server";

import { parseInput } from "@gatehouse/core/errors/field-errors";
import { updateServerCredentials } from "@gatehouse/core/servers/update-server-credentials";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { DELAYED_NOTICE } from "@/server/propagation-notice";
import { getServices } from "@/server/services";

/** The credentials editor's state: which row it is about, and a counter that clears every input after a save. */
export type CredentialsState = FormState & { target?: string; successMessage?: string; savedCount?: number };

const name = z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters.");
const CredentialFormSchema = z.discriminatedUnion("intent", [
  z.object({
    serverId: z.string().min(1).max(100),
    intent: z.literal("set"),
    name,
    // An empty value is almost always a slip; a header without a value is removed instead.
    value: z.string().min(1, "Enter the value."),
  }),
  z.object({ serverId: z.string().min(1).max(100), intent: z.literal("remove"), name }),
]);

const AFTER_SAVE =
  "New connections through the proxy use the change; sessions already open keep the previous credentials until they end.";

/**
 * Replaces, adds or removes one stored header or env value. Nothing typed is ever sent back:
 * on success every input is cleared, and on error only messages are returned.
 */
export async function updateCredentialsAction(
  previous: CredentialsState,
  formData: FormData,
): Promise<CredentialsState> {
  const session = await requireSession();
  const { db, secretBox, notifyGrantChange, logger } = getServices();
  const target = String(formData.get("target") ?? "");
  try {
    const form = parseInput(CredentialFormSchema, Object.fromEntries(formData));
    assertCan(session, "manage_servers");
    const result = await updateServerCredentials({
      db,
      secretBox,
      notify: notifyGrantChange,
      orgId: session.orgId,
      actor: sessionActor(session),
      serverId: form.serverId,
      ...(form.intent === "set" ? { set: { [form.name]: form.value } } : { remove: [form.name] }),
    });
    revalidatePath(`/servers/${form.serverId}`);
    const done = result.removed.length
      ? `Removed ${form.name}.`
      : result.added.length
        ? `Added ${form.name}.`
        : `Saved the new value of ${form.name}.`;
    return {
      target,
      savedCount: (previous.savedCount ?? 0) + 1,
      successMessage: `${done} ${result.isPropagated ? AFTER_SAVE : DELAYED_NOTICE}`,
    };
  } catch (error) {
    return {
      target,
      ...toFormState(error, { fields: ["name", "value"], logger, action: "update-server-credentials" }),
    };
  }
}
