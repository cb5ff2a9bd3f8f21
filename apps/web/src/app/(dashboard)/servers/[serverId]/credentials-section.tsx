import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { listServerCredentialNames } from "@gatehouse/core/servers/list-server-credential-names";
import { FormError } from "@/components/ui/form-message";
import { cardClass } from "@/components/ui/styles";
import { getServices } from "@/server/services";
import { CredentialsEditor } from "./credentials-editor";

/**
 * The server's stored headers (HTTP) or env variables (stdio), by name only. Owners and admins
 * replace, add or remove values; nobody, them included, is ever shown a stored value.
 */
export async function CredentialsSection(props: { orgId: string; serverId: string; canManage: boolean }) {
  const { db, secretBox } = getServices();
  const loaded = await listServerCredentialNames({ db, secretBox, ...props }).catch((error: unknown) => {
    // Credentials sealed under a key this dashboard lacks: say which key, keep the rest of the page.
    if (isGatehouseError(error, "misconfigured")) return { error: error.publicMessage };
    throw error;
  });
  const noun = "kind" in loaded && loaded.kind === "env" ? "variable" : "header";
  return (
    <section className={`${cardClass} mb-8 p-6`} aria-labelledby="credentials-heading">
      <h2 id="credentials-heading" className="mb-1 text-base font-semibold text-slate-900">
        Credentials
      </h2>
      <p className="mb-4 text-sm text-slate-600">
        {noun === "header"
          ? "Headers the proxy sends to this server with every request."
          : "Environment variables the server's command runs with."}{" "}
        Values are write-only: once saved they are stored encrypted and never shown again.
      </p>
      {"error" in loaded ? (
        <FormError message={loaded.error} />
      ) : props.canManage ? (
        <CredentialsEditor serverId={props.serverId} noun={noun} names={loaded.names} />
      ) : (
        <ReadOnlyNames names={loaded.names} noun={noun} />
      )}
    </section>
  );
}

function ReadOnlyNames({ names, noun }: { names: string[]; noun: string }) {
  if (!names.length) return <p className="text-sm text-slate-600">No {noun}s stored.</p>;
  return (
    <>
      <ul className="mb-2 space-y-1 text-sm" data-testid="credential-list">
        {names.map((name) => (
          <li key={name} data-testid="credential-row" data-name={name}>
            <code className="font-mono text-slate-900">{name}</code>{" "}
            <span className="text-xs font-medium text-emerald-700">value set</span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-500">Only owners and admins can change credentials.</p>
    </>
  );
}
