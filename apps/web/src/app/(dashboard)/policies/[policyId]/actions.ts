"use server";

import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { getPolicy } from "@gatehouse/core/policies/get-policy";
import { replayPolicy } from "@gatehouse/core/policies/replay-policy";
import { savePolicy } from "@gatehouse/core/policies/save-policy";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import { requireSession } from "@/server/auth/session";
import { type FormState, toFormState } from "@/server/form-state";
import { recommendForCatalogue } from "@/server/policies/recommend-for-catalogue";
import { tryDraft } from "@/server/policies/try-draft";
import { DELAYED_NOTICE } from "@/server/propagation-notice";
import { getServices } from "@/server/services";

export type SavePolicyState = FormState & { savedVersion?: number; notice?: string };
// `answeredAt` tells one answer from the next even when they read the same (tests wait on it).
export type TryPolicyState = FormState & {
  decision?: Awaited<ReturnType<typeof tryDraft>>;
  tool?: string;
  answeredAt?: number;
};
export type ReplayPolicyState = FormState & {
  replay?: Awaited<ReturnType<typeof replayPolicy>>;
  answeredAt?: number;
};

export type ApplyRecommendedState = FormState & {
  appliedVersion?: number;
  document?: string;
  notice?: string;
};

const REPLAY_CALLS = 100;
const APPLIED_COMMENT = "Applied the recommended policy";

const SaveFormSchema = z.object({
  policyId: z.string().min(1).max(100),
  document: z.string().default(""),
  comment: z.string().optional(),
  expectedVersion: z.coerce.number().int().positive().optional(),
});
const TryFormSchema = z.object({
  policyId: z.string().min(1).max(100),
  draft: z.string().default(""),
  tool: z.string().default(""),
  args: z.string().default(""),
});
const ReplayFormSchema = z.object({ policyId: z.string().min(1).max(100), draft: z.string().default("") });
const ApplyFormSchema = z.object({
  policyId: z.string().min(1).max(100),
  expectedVersion: z.coerce.number().int().positive().optional(),
});

/** Saves the editor's document as the next version; a stale `expectedVersion` is refused as a conflict. */
export const savePolicyAction = formAction({
  name: "save-policy",
  access: "manage_policies",
  schema: SaveFormSchema,
  fields: ["document", "comment"],
  run: async ({ input, session, actor, services }): Promise<SavePolicyState> => {
    const { version, isPropagated } = await savePolicy({
      db: services.db,
      notify: services.notifyGrantChange,
      orgId: session.orgId,
      actor,
      ...input,
    });
    revalidatePolicy(input.policyId);
    return { savedVersion: version, ...(isPropagated ? {} : { notice: DELAYED_NOTICE }) };
  },
});

/** Decides one call under the editor's draft (not the saved version), as the proxy would. */
export async function tryPolicyAction(
  _previous: TryPolicyState,
  formData: FormData,
): Promise<TryPolicyState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  const input = TryFormSchema.parse(Object.fromEntries(formData));
  try {
    const decision = await tryDraft({ db, orgId: session.orgId, ...input });
    return { decision, tool: input.tool.trim(), answeredAt: Date.now() };
  } catch (error) {
    const state = toFormState(error, { fields: ["draft", "tool", "args"], logger, action: "try-policy" });
    return { ...state, answeredAt: Date.now() };
  }
}

/** Replays the server's last calls under the draft and reports which decisions would change. */
export async function replayPolicyAction(
  _previous: ReplayPolicyState,
  formData: FormData,
): Promise<ReplayPolicyState> {
  const session = await requireSession();
  const { db, logger } = getServices();
  const { policyId, draft } = ReplayFormSchema.parse(Object.fromEntries(formData));
  try {
    const replay = await replayPolicy({ db, orgId: session.orgId, policyId, draft, limit: REPLAY_CALLS });
    return { replay, answeredAt: Date.now() };
  } catch (error) {
    const state = toFormState(error, { fields: ["document"], logger, action: "replay-policy" });
    return { ...state, answeredAt: Date.now() };
  }
}

/**
 * Saves the recommendation for the server's current catalogue as the policy's next version.
 * It is computed here again rather than taken from the page, so what is saved is what the
 * catalogue says now; a save by someone else since the page loaded is refused as a conflict.
 */
export const applyRecommendedPolicyAction = formAction({
  name: "apply-recommended-policy",
  access: "manage_policies",
  schema: ApplyFormSchema,
  run: async ({ input, session, actor, services }): Promise<ApplyRecommendedState> => {
    const { db } = services;
    const policy = await getPolicy({ db, orgId: session.orgId, policyId: input.policyId });
    const tools = await listTools({ db, orgId: session.orgId, serverId: policy.server.id });
    const document = recommendForCatalogue(tools);
    const { version, isPropagated } = await savePolicy({
      db,
      notify: services.notifyGrantChange,
      orgId: session.orgId,
      actor,
      ...input,
      document,
      comment: APPLIED_COMMENT,
    });
    revalidatePolicy(input.policyId);
    return { appliedVersion: version, document, ...(isPropagated ? {} : { notice: DELAYED_NOTICE }) };
  },
});

// A new version shows on the policy's pages and in the list.
function revalidatePolicy(policyId: string): void {
  revalidatePath(`/policies/${policyId}`, "layout");
  revalidatePath("/policies");
}
