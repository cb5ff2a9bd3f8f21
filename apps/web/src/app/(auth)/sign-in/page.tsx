import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { linkClass } from "@/components/ui/styles";
import { getEnv } from "@/env";
import { describeSignInError } from "@/lib/sign-in-error";
import { enabledOAuthProviders } from "@/server/auth/oauth/oauth-providers";
import { getSessionContext } from "@/server/auth/session";
import { SESSION_EXPIRED_REASON } from "@/server/security/stale-session";
import { AuthSearchSchema, withCallbackPath } from "../auth-search-params";
import { OAuthButtons } from "../oauth-buttons";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const { callbackUrl, error } = AuthSearchSchema.parse(params);
  if (await getSessionContext()) redirect(callbackUrl);
  const isSessionExpired = params.reason === SESSION_EXPIRED_REASON;
  return (
    <>
      {isSessionExpired && (
        <p
          role="status"
          className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          Your session expired, sign in again.
        </p>
      )}
      <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">Welcome back. Sign in to manage your servers and grants.</p>
      <div className="mt-6 space-y-4">
        <OAuthButtons providers={enabledOAuthProviders(getEnv())} callbackUrl={callbackUrl} />
        <SignInForm callbackUrl={callbackUrl} initialError={error ? describeSignInError(error) : undefined} />
      </div>
      <p className="mt-6 text-sm text-slate-600">
        New to Gatehouse?{" "}
        <Link href={withCallbackPath("/sign-up", callbackUrl)} className={linkClass}>
          Create an account
        </Link>
      </p>
    </>
  );
}
