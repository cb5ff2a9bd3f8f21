"use server";

import { deleteWebhook } from "@gatehouse/core/webhooks/delete-webhook";
import { rotateWebhookSecret } from "@gatehouse/core/webhooks/rotate-webhook-secret";
import { saveWebhook } from "@gatehouse/core/webhooks/save-webhook";
import { sendTestWebhook } from "@gatehouse/core/webhooks/send-test-webhook";
import { setWebhookEnabled } from "@gatehouse/core/webhooks/set-webhook-enabled";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import type { FormState } from "@/server/form-state";

const PAGE_PATH = "/settings/webhooks";

/** What each webhook form shows after its action: a result, and a new secret the one time it exists. */
export type WebhookActionState = FormState & { successMessage?: string; issuedSecret?: string };

/** Saving also says which webhook was saved, so the result is not shown once that webhook is deleted. */
export type SaveWebhookState = WebhookActionState & { webhookId?: string };

const SaveFormSchema = z.object({ url: z.string().max(10_000).default("") });
const ToggleFormSchema = z.object({
  isEnabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});
// Rotating, testing and deleting are a button press: their forms send nothing else.
const EmptyFormSchema = z.object({});

/** Saves the webhook's URL; a new webhook's signing secret is returned this one time. */
export const saveWebhookAction = formAction({
  name: "save-webhook",
  access: "manage_webhooks",
  schema: SaveFormSchema,
  fields: ["url"],
  run: async ({ input, session, actor, services }): Promise<SaveWebhookState> => {
    const { db, secretBox, env } = services;
    const { webhookId, secret } = await saveWebhook({
      db,
      secretBox,
      orgId: session.orgId,
      actor,
      url: input.url,
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
  },
});

/** Turns the webhook on or off without losing its URL or secret. */
export const setWebhookEnabledAction = formAction({
  name: "set-webhook-enabled",
  access: "manage_webhooks",
  schema: ToggleFormSchema,
  run: async ({ input: { isEnabled }, session, actor, services }): Promise<WebhookActionState> => {
    await setWebhookEnabled({ db: services.db, orgId: session.orgId, actor, isEnabled });
    revalidatePath(PAGE_PATH);
    return {
      successMessage: isEnabled
        ? "Webhook enabled: new approval requests are sent to it."
        : "Webhook disabled: nothing is sent until you enable it again.",
    };
  },
});

/** Replaces the signing secret and returns the new one, this one time. */
export const rotateWebhookSecretAction = formAction({
  name: "rotate-webhook-secret",
  access: "manage_webhooks",
  schema: EmptyFormSchema,
  run: async ({ session, actor, services }): Promise<WebhookActionState> => {
    const { db, secretBox } = services;
    const { secret } = await rotateWebhookSecret({ db, secretBox, orgId: session.orgId, actor });
    revalidatePath(PAGE_PATH);
    return {
      issuedSecret: secret,
      successMessage: "Secret rotated: messages are signed with the new secret from now on.",
    };
  },
});

/** Queues a webhook.test message, which the worker sends and records in the delivery log. */
export const sendTestWebhookAction = formAction({
  name: "send-test-webhook",
  access: "manage_webhooks",
  schema: EmptyFormSchema,
  run: async ({ session, actor, services }): Promise<WebhookActionState> => {
    await sendTestWebhook({ db: services.db, queue: services.webhookQueue(), orgId: session.orgId, actor });
    return {
      successMessage: "Test queued. It shows in the delivery log below within a few seconds; use Refresh.",
    };
  },
});

/** Deletes the webhook and its delivery log. */
export const deleteWebhookAction = formAction({
  name: "delete-webhook",
  access: "manage_webhooks",
  schema: EmptyFormSchema,
  run: async ({ session, actor, services }): Promise<WebhookActionState> => {
    await deleteWebhook({ db: services.db, orgId: session.orgId, actor });
    revalidatePath(PAGE_PATH);
    return {
      successMessage: "Webhook deleted, with its delivery log. Approval requests are not sent anywhere.",
    };
  },
});
