"use server";

import { registerServer } from "@gatehouse/core/servers/register-server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { assertCan } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { type FormState, toFormState } from "@/server/form-state";
import { readRegisterServerForm } from "@/server/servers/read-register-server-form";
import { getServices } from "@/server/services";

const FIELDS = ["name", "transport", "url", "headers", "command", "args", "env"] as const;

/** Registers a server from the form, then opens its page where it can be connected. */
export async function registerServerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { db, secretBox, env, logger } = getServices();
  let serverId: string;
  try {
    assertCan(session, "manage_servers");
    const input = readRegisterServerForm(formData);
    ({ serverId } = await registerServer({
      db,
      secretBox,
      orgId: session.orgId,
      allowStdio: env.GATEHOUSE_ALLOW_STDIO,
      input,
    }));
  } catch (error) {
    return toFormState(error, { fields: FIELDS, logger, action: "register-server" });
  }
  revalidatePath("/servers");
  redirect(`/servers/${serverId}`);
}
