import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { linkClass } from "@/components/ui/styles";
import { getSessionContext } from "@/server/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getSessionContext()) redirect("/servers");
  return (
    <>
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
