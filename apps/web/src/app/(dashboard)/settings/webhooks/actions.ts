"use server";

import { deleteWebhook } from "@gatehouse/core/webhooks/delete-webhook";
import { rotateWebhookSecret } from "@gatehouse/core/webhooks/rotate-webhook-secret";
import { saveWebhook } from "@gatehouse/core/webhooks/save-webhook";
import { sendTestWebhook } from "@gatehouse/core/webhooks/send-test-webhook";
import { setWebhookEnabled } from "@gatehouse/core/webhooks/set-webhook-enabled";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices } from "@/server/services";

const PAGE_PATH = "/settings/webhooks";

/** What each webhook form shows after its action: a result, and a new secret the one time it exists. */
export type WebhookActionState = FormState & { successMessage?: string; issuedSecret?: string };

/** Saving also says which webhook was saved, so the result is not shown once that webhook is deleted. */
export type SaveWebhookState = WebhookActionState & { webhookId?: string };

const SaveFormSchema = z.object({ url: z.string().max(10_000).default("") });
const ToggleFormSchema = z.object({
  isEnabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});

/** Saves the webhook's URL; a new webhook's signing secret is returned this one time. */
export async function saveWebhookAction(
  _previous: SaveWebhookState,
  formData: FormData,
): Promise<SaveWebhookState> {
  const session = await requireSession();
  const { db, secretBox, env, logger } = getServices();
  try {
    assertCan(session, "manage_webhooks");
    const { url } = SaveFormSchema.parse(Object.fromEntries(formData));
    const { webhookId, secret } = await saveWebhook({
      db,
      secretBox,
      orgId: session.orgId,
      actor: sessionActor(session),
      url,
      allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS,
    });
    revalidatePath(PAGE_PATH);
    return secret
      ? {
          webhookId,
          issuedSecret: secret,
          successMessage: "Webhook created: new approval requests are sent to it.",
        }
      : { webhookId, successMessage: "Webhook URL saved. The signing secret is unchanged." };
  } catch (error) {
    return toFormState(error, { fields: ["url"], logger, action: "save-webhook" });
  }
}

/** Turns the webhook on or off without losing its URL or secret. */
export async function setWebhookEnabledAction(
  _previous: WebhookActionState,
  formData: FormData,
): Promise<WebhookActionState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCan(session, "manage_webhooks");
    const { isEnabled } = ToggleFormSchema.parse(Object.fromEntries(formData));
    await setWebhookEnabled({ db, orgId: session.orgId, actor: sessionActor(session), isEnabled });
    revalidatePath(PAGE_PATH);
    return {
      successMessage: isEnabled
        ? "Webhook enabled: new approval requests are sent to it."
        : "Webhook disabled: nothing is sent until you enable it again.",
    };
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "set-webhook-enabled" });
  }
}

/** Replaces the signing secret and returns the new one, this one time. */
export async function rotateWebhookSecretAction(
  _previous: WebhookActionState,
  _formData: FormData,
): Promise<WebhookActionState> {
  const session = await requireSession();
  const { db, secretBox, logger } = getServices();
  try {
    assertCan(session, "manage_webhooks");
    const { secret } = await rotateWebhookSecret({
      db,
      secretBox,
      orgId: session.orgId,
      actor: sessionActor(session),
    });
    revalidatePath(PAGE_PATH);
    return {
      issuedSecret: secret,
      successMessage: "Secret rotated: messages are signed with the new secret from now on.",
    };
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "rotate-webhook-secret" });
  }
}

/** Queues a webhook.test message, which the worker sends and records in the delivery log. */
export async function sendTestWebhookAction(
  _previous: WebhookActionState,
  _formData: FormData,
): Promise<WebhookActionState> {
  const session = await requireSession();
  const { db, logger, webhookQueue } = getServices();
  try {
    assertCan(session, "manage_webhooks");
    await sendTestWebhook({
      db,
      queue: webhookQueue(),
      orgId: session.orgId,
      actor: sessionActor(session),
    });
    return {
      successMessage: "Test queued. It shows in the delivery log below within a few seconds; use Refresh.",
    };
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "send-test-webhook" });
  }
}

/** Deletes the webhook and its delivery log. */
export async function deleteWebhookAction(
  _previous: WebhookActionState,
  _formData: FormData,
): Promise<WebhookActionState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  try {
    assertCan(session, "manage_webhooks");
    await deleteWebhook({ db, orgId: session.orgId, actor: sessionActor(session) });
    revalidatePath(PAGE_PATH);
    return {
      successMessage: "Webhook deleted, with its delivery log. Approval requests are not sent anywhere.",
    };
  } catch (error) {
    return toFormState(error, { fields: [], logger, action: "delete-webhook" });
  }
}
