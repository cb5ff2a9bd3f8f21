import "server-only";
import type { UserActor } from "@gatehouse/core/admin-trail/admin-actor";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { assertCanManageApiKeys } from "@/server/api/api-key-role";
import { assertCan, type Permission } from "@/server/auth/permissions";
import { requireSession, type SessionContext } from "@/server/auth/session";
import { sessionActor } from "@/server/auth/session-actor";
import { type FormState, toFormState } from "@/server/form-state";
import { getServices, type Services } from "@/server/services";

/**
 * Who may use an action: members whose role has a Permission, those who may manage API keys
 * (see api-key-role.ts), or every member of the organisation.
 */
export type ActionAccess = Permission | "manage_api_keys" | "any member";

/** What an action's body gets: the parsed form, who is acting, and the services to act with. */
export type FormActionContext<Input> = {
  input: Input;
  session: SessionContext;
  actor: UserActor;
  services: Services;
};

/** A server action as useActionState calls it. */
export type FormAction<State> = (previous: State, formData: FormData) => Promise<State>;

type FormActionDefinition<Input, State> = {
  /** Names the action in logs, e.g. "revoke-grant". */
  name: string;
  access: ActionAccess;
  schema: z.ZodType<Input>;
  /** The form's fields: an error about one of them is shown next to it, any other above the form. */
  fields?: readonly string[];
  /** Does the work and says what the form shows next; it may redirect instead. */
  run: (context: FormActionContext<Input>) => Promise<State>;
};

/**
 * A dashboard server action: signs the caller in, checks their access, parses the form and runs
 * the body, turning anything it throws into form state. A run that returns more than FormState
 * (an issued token, a notice) declares its state type as its return type.
 */
export function formAction<Input, State extends FormState>(
  definition: FormActionDefinition<Input, State>,
): FormAction<FormState & State> {
  return async (_previous, formData) => {
    const session = await requireSession();
    const services = getServices();
    try {
      authorize(session, definition.access);
      const input = definition.schema.parse(Object.fromEntries(formData));
      return await definition.run({ input, session, actor: sessionActor(session), services });
    } catch (error) {
      // redirect() and notFound() work by throwing; they must reach Next, not the form.
      unstable_rethrow(error);
      const fields = definition.fields ?? [];
      const state = toFormState(error, { fields, logger: services.logger, action: definition.name });
      // Every action's state only adds optional fields to FormState, so an error state is one of them.
      return state as FormState & State;
    }
  };
}

function authorize(session: SessionContext, access: ActionAccess): void {
  if (access === "any member") return;
  if (access === "manage_api_keys") assertCanManageApiKeys(session);
  else assertCan(session, access);
}
