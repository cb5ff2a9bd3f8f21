import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { findInvitation } from "@gatehouse/core/invitations/find-invitation";
import { unusableInvitationMessage } from "@gatehouse/core/invitations/invitation-status";
import type { Metadata } from "next";
import Link from "next/link";
import { roleLabel } from "@/components/layout/role-label";
import { FormError } from "@/components/ui/form-message";
import { linkClass } from "@/components/ui/styles";
import { getSignedInUser } from "@/server/auth/session";
import { getServices } from "@/server/services";
import { InvitedSignUpForm } from "./invited-sign-up-form";
import { JoinForm } from "./join-form";

// The token in the address is a credential, so no link on the page sends it on as a Referer.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

/** The public page an invitation link opens: who invites whom to what, then join or sign up. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([loadInvitation(token), getSignedInUser()]);
  if (!invitation.ok) {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">Invitation not found</h1>
        <div className="mt-4">
          <FormError message={invitation.message} />
        </div>
      </>
    );
  }
  const { orgName, role, inviterName, status } = invitation.value;
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Join {orgName}</h1>
      <p className="mt-1 text-sm text-slate-600" data-testid="invitation-summary">
        {inviterName} invited you to <strong>{orgName}</strong> as <strong>{roleLabel(role)}</strong>.
      </p>
      <div className="mt-6">
        {status !== "pending" ? (
          <FormError message={unusableInvitationMessage(status, orgName)} />
        ) : user ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">Signed in as {user.email}.</p>
            <JoinForm token={token} orgName={orgName} />
          </div>
        ) : (
          <InvitedSignUpForm token={token} orgName={orgName} />
        )}
      </div>
      {status === "pending" && !user ? (
        <p className="mt-6 text-sm text-slate-600">
          Already have an account?{" "}
          <Link href={signInHref} className={linkClass}>
            Sign in to accept
          </Link>
        </p>
      ) : null}
    </>
  );
}

async function loadInvitation(token: string) {
  try {
    return { ok: true as const, value: await findInvitation({ db: getServices().db, token }) };
  } catch (error) {
    if (isGatehouseError(error, "not_found")) return { ok: false as const, message: error.publicMessage };
    throw error;
  }
}
