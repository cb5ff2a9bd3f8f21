"use server";

import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { registerServer } from "@gatehouse/core/servers/register-server";
import type { RegisterServerInput } from "@gatehouse/core/servers/register-server-input";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { readRegisterServerForm } from "@/server/servers/read-register-server-form";
import { getServices } from "@/server/services";
import { findMissingEnv, findServerTemplate } from "@/server/templates/server-templates";

const FIELDS = ["name", "transport", "url", "headers", "command", "args", "env"] as const;

/** Registers a server from the form, then opens its page where it can be connected. */
export async function registerServerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, secretBox, env, logger } = getServices();
  let serverId: string;
  try {
    assertCan(session, "manage_servers");
    const input = readRegisterServerForm(formData);
    assertTemplateEnv(formData.get("template"), input);
    ({ serverId } = await registerServer({
      db,
      secretBox,
      orgId: session.orgId,
      actor: sessionActor(session),
      allowStdio: env.GATEHOUSE_ALLOW_STDIO,
      allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS,
      input,
    }));
  } catch (error) {
    return toFormState(error, { fields: FIELDS, logger, action: "register-server" });
  }
  revalidatePath("/servers");
  redirect(`/servers/${serverId}`);
}

// A server started from a template must get the variables that server cannot start without;
// registering it with an empty one would only fail later, at "Connect & discover".
function assertTemplateEnv(templateId: FormDataEntryValue | null, input: RegisterServerInput): void {
  const template = findServerTemplate(typeof templateId === "string" ? templateId : undefined);
  if (!template || input.transport !== "stdio") return;
  const fieldErrors = findMissingEnv(template, input.env ?? {});
  if (fieldErrors.length) {
    throw new GatehouseError("invalid_input", fieldErrors.map((error) => error.message).join(" "), {
      fieldErrors,
    });
  }
}
