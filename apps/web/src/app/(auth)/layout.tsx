import type { ReactNode } from "react";

/** The frame for signed-out pages: a centred card under the product name. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 py-12">
      <div className="mb-8 text-center">
        <p className="text-2xl font-semibold tracking-tight text-slate-900">Gatehouse</p>
        <p className="mt-1 text-sm text-slate-600">Decide which tools your AI agents may call.</p>
      </div>
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        {children}
      </div>
    </main>
  );
}
