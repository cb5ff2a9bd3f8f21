import type { ReactNode } from "react";
import { CopyableSecret } from "@/components/ui/copyable-secret";
import { ConnectAgent } from "./connect-agent";

/** Shown once, right after a token is issued (at creation or rotation): it is not stored and cannot be shown again. */
export type IssuedGrant = {
  grantId: string;
  name: string;
  token: string;
  proxyUrl: string;
  bearerUrl: string;
};

/**
 * The one moment a grant's secret is visible: its proxy URL, the Bearer-header alternative, and
 * each client's configuration with the URL filled in.
 * `children` are the ways onward (links or buttons) at its foot.
 */
export function IssuedGrantPanel(props: {
  issued: IssuedGrant;
  heading: string;
  /** What to do if the URL is lost, after "Copy this URL now…". */
  ifLost: string;
  children: ReactNode;
}) {
  const { issued } = props;
  return (
    <section
      aria-labelledby="issued-heading"
      className="max-w-3xl space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div>
        <h2 id="issued-heading" className="text-lg font-semibold text-slate-900">
          {props.heading}
        </h2>
        <div
          role="alert"
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          Copy this URL now. It contains the grant's secret token and will not be shown again; {props.ifLost}
        </div>
      </div>

      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-800">Proxy URL for your MCP client</p>
        <CopyableSecret value={issued.proxyUrl} testId="proxy-url" />
      </div>

      <div className="space-y-2 text-sm text-slate-700">
        <p className="font-medium text-slate-800">Or, if your client can send headers</p>
        <p>
          Connect to{" "}
          <code data-testid="bearer-url" className="font-mono text-xs">
            {issued.bearerUrl}
          </code>{" "}
          with this header:
        </p>
        <code
          data-testid="bearer-header"
          className="block select-all break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-xs text-slate-800"
        >
          Authorization: Bearer {issued.token}
        </code>
      </div>

      <section aria-labelledby="issued-connect-heading" className="space-y-2 border-t border-slate-100 pt-4">
        <h3 id="issued-connect-heading" className="text-sm font-medium text-slate-800">
          Connect your agent
        </h3>
        <ConnectAgent endpoint={issued} />
      </section>

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-100 pt-4">{props.children}</div>
    </section>
  );
}
