import { cardClass } from "@/components/ui/styles";

const codeClass = "rounded bg-slate-100 px-1 font-mono text-[0.85em] text-slate-800";

/** How a receiver checks that a message came from Gatehouse. */
export function VerifySignatureHelp() {
  return (
    <section aria-labelledby="verify-heading" className={`${cardClass} space-y-2 p-6 text-sm text-slate-700`}>
      <h2 id="verify-heading" className="text-base font-semibold text-slate-900">
        Verifying messages
      </h2>
      <p>
        Each request carries{" "}
        <code className={codeClass}>X-Gatehouse-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where{" "}
        <code className={codeClass}>v1</code> is the HMAC-SHA256, keyed with your signing secret, of{" "}
        <code className={codeClass}>&lt;t&gt;.&lt;raw request body&gt;</code>. Compute it over the raw bytes
        before parsing the JSON, compare it in constant time, and reject a{" "}
        <code className={codeClass}>t</code> more than five minutes old so a captured request cannot be
        replayed.
      </p>
      <p>
        Messages never contain the held call&apos;s argument values, only their names and a link to the
        request in this dashboard. <code className={codeClass}>X-Gatehouse-Delivery</code> is the same on
        every retry of a message, so you can ignore repeats.
      </p>
    </section>
  );
}
