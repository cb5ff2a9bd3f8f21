import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { linkClass } from "@/components/ui/styles";
import { getSessionContext } from "@/server/auth/session";
import { SESSION_EXPIRED_REASON } from "@/server/security/stale-session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getSessionContext()) redirect("/servers");
  const isSessionExpired = (await searchParams).reason === SESSION_EXPIRED_REASON;
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
      <div className="mt-6">
        <SignInForm />
      </div>
      <p className="mt-6 text-sm text-slate-600">
        New to Gatehouse?{" "}
        <Link href="/sign-up" className={linkClass}>
          Create an account
        </Link>
      </p>
    </>
  );
}
