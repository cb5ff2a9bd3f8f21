import { cardClass } from "@/components/ui/styles";
import { type AgentEndpoint, GRANT_TOKEN_PLACEHOLDER } from "@/lib/agent-config/agent-endpoint";
import { ConnectAgent } from "./connect-agent";

/**
 * "Connect your agent" on a grant's page. The token is not stored, so the snippets carry a
 * placeholder in its place and say how to get a URL again.
 */
export function ConnectAgentSection({ endpoint }: { endpoint: AgentEndpoint }) {
  return (
    <section className={`${cardClass} p-6`} aria-labelledby="connect-heading">
      <h2 id="connect-heading" className="mb-1 text-base font-semibold text-slate-900">
        Connect your agent
      </h2>
      <p className="mb-4 text-sm text-slate-600" data-testid="connect-placeholder-note">
        The grant's URL holds its secret token, so it was shown only once: when the grant was created or its
        token last rotated. Put the token where these snippets say{" "}
        <code className="font-mono text-xs">{GRANT_TOKEN_PLACEHOLDER}</code>, or rotate the token to get a new
        URL with the snippets filled in.
      </p>
      <ConnectAgent endpoint={endpoint} />
    </section>
  );
}
