"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends the session and returns to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  return (
    <button
      type="button"
      disabled={isPending}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-300 hover:bg-slate-800 hover:text-white disabled:opacity-60"
      onClick={async () => {
        setIsPending(true);
        // redirect: false keeps us on this origin even when NEXTAUTH_URL names another one.
        await signOut({ redirect: false });
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      {isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
