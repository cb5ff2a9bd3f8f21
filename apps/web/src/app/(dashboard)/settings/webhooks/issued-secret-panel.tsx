import { CopyableSecret } from "@/components/ui/copyable-secret";
import { cardClass } from "@/components/ui/styles";

/**
 * A signing secret, shown once. Hidden as soon as it is no longer the webhook's
 * secret (rotated again, or the webhook deleted), so a stale one is never copied.
 */
export function IssuedSecretPanel({
  secret,
  currentPrefix,
}: {
  secret?: string;
  currentPrefix: string | null;
}) {
  if (!secret || !currentPrefix || !secret.startsWith(currentPrefix)) return null;
  return (
    <section aria-labelledby="issued-secret-heading" className={`${cardClass} space-y-3 p-6`}>
      <h2 id="issued-secret-heading" className="text-base font-semibold text-slate-900">
        Signing secret
      </h2>
      <div
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        Copy this secret into your receiver now. It will not be shown again; if it is lost, rotate it.
      </div>
      <CopyableSecret value={secret} testId="webhook-secret" />
    </section>
  );
}
