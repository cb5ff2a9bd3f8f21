import Link from "next/link";
import { linkClass } from "@/components/ui/styles";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        This page does not exist, or it belongs to another organisation.
      </p>
      <p className="mt-6">
        <Link href="/servers" className={linkClass}>
          Back to your servers
        </Link>
      </p>
    </main>
  );
}
