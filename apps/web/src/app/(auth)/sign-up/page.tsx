import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { linkClass } from "@/components/ui/styles";
import { getEnv } from "@/env";
import { enabledOAuthProviders } from "@/server/auth/oauth/oauth-providers";
import { getSessionContext } from "@/server/auth/session";
import { AuthSearchSchema, withCallbackPath } from "../auth-search-params";
import { OAuthButtons } from "../oauth-buttons";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl } = AuthSearchSchema.parse(await searchParams);
  if (await getSessionContext()) redirect(callbackUrl);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Create your account</h1>
      <p className="mt-1 text-sm text-slate-600">
        You will be the owner of a new organisation, where you register MCP servers and issue grants to
        agents.
      </p>
      <div className="mt-6 space-y-4">
        <OAuthButtons providers={enabledOAuthProviders(getEnv())} callbackUrl={callbackUrl} />
        <SignUpForm callbackUrl={callbackUrl} />
      </div>
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={withCallbackPath("/sign-in", callbackUrl)} className={linkClass}>
          Sign in
        </Link>
      </p>
    </>
  );
}
