"use client";

import { secondaryButtonClass } from "@/components/ui/styles";

/** Shown when a page fails unexpectedly; the details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">
        The page could not be loaded. Try again; if it keeps happening, ask an operator to check the
        dashboard's logs.
      </p>
      <button type="button" className={`${secondaryButtonClass} mt-6`} onClick={reset}>
        Try again
      </button>
    </main>
  );
}
