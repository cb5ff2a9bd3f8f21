import { getUpstreamOAuthStatus } from "@gatehouse/core/upstream-auth/get-upstream-oauth-status";
import type { UpstreamOAuthStatus } from "@gatehouse/db/models";
import { z } from "zod";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { cardClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { getServices } from "@/server/services";
import { OAuthConnectForm, OAuthDisconnectForm } from "./oauth-forms";

const STATUS: Record<UpstreamOAuthStatus, { tone: BadgeTone; label: string }> = {
  not_connected: { tone: "slate", label: "Not connected" },
  connected: { tone: "green", label: "Connected" },
  needs_reconnect: { tone: "red", label: "Needs reconnecting" },
};

/** What the callback route reported, from the page's query (only known words are shown). */
export const OAuthOutcomeSchema = z.object({
  oauth: z.enum(["connected", "denied", "expired", "failed"]).optional().catch(undefined),
  reason: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .optional()
    .catch(undefined),
});

type Props = {
  orgId: string;
  serverId: string;
  canManage: boolean;
  outcome: z.output<typeof OAuthOutcomeSchema>;
};

/**
 * How Gatehouse signs in to a server that requires OAuth, with Connect for owners and admins;
 * nothing for a server that does not use OAuth.
 */
export async function OAuthSection({ orgId, serverId, canManage, outcome }: Props) {
  const { db } = getServices();
  const connection = await getUpstreamOAuthStatus({ db, orgId, serverId });
  if (!connection) return null;
  const { tone, label } = STATUS[connection.status];
  const isConnected = connection.status === "connected";
  return (
    <section className={`${cardClass} mb-8 p-6`} aria-labelledby="oauth-heading" data-testid="oauth-section">
      <h2 id="oauth-heading" className="mb-1 text-base font-semibold text-slate-900">
        Authentication: OAuth
      </h2>
      <p className="mb-4 text-sm text-slate-600">
        This server requires OAuth. Gatehouse signs in once with Connect, stores the tokens encrypted and
        refreshes them itself; agents never see them.
        {isConnected ? "" : " Discovering tools and calls through grants wait until it is connected."}
      </p>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm" data-testid="oauth-status">
        <Badge tone={tone}>{label}</Badge>
        {isConnected && connection.connectedAt ? (
          <span className="text-slate-600">as of {formatDateTime(connection.connectedAt)}</span>
        ) : null}
      </div>
      <div className="mb-4 space-y-2">
        <OutcomeMessage outcome={outcome} lastError={connection.lastError} />
        {connection.status === "needs_reconnect" && outcome.oauth !== "failed" ? (
          <FormError
            message={`${connection.lastError ?? "The authorization server refused Gatehouse's token."} Click Reconnect to sign in again.`}
          />
        ) : null}
      </div>
      {canManage ? (
        <div className="flex flex-wrap items-start gap-6">
          <OAuthConnectForm
            serverId={serverId}
            label={isConnected || connection.status === "needs_reconnect" ? "Reconnect" : "Connect"}
          />
          {isConnected ? <OAuthDisconnectForm serverId={serverId} /> : null}
        </div>
      ) : (
        <p className="text-xs text-slate-500">Only owners and admins can connect a server.</p>
      )}
    </section>
  );
}

function OutcomeMessage({ outcome, lastError }: { outcome: Props["outcome"]; lastError: string | null }) {
  switch (outcome.oauth) {
    case "connected":
      return (
        <FormSuccess>
          Connected. Gatehouse can now discover this server's tools and forward calls.
        </FormSuccess>
      );
    case "denied":
      return (
        <FormError
          message={`The authorization server did not grant access (${outcome.reason ?? "no reason given"}). Click Connect to try again.`}
        />
      );
    case "expired":
      return (
        <FormError message="That sign-in was already used, expired after 10 minutes, or was started by someone else. Click Connect to start again." />
      );
    case "failed":
      return (
        <FormError
          message={
            lastError ??
            "Connecting failed. Click Connect to try again; if it keeps failing, ask an operator to check the logs."
          }
        />
      );
    default:
      return null;
  }
}
