import { registerServer } from "@gatehouse/core/servers/register-server";
import { type OAuthUpstream, startOAuthUpstream } from "@gatehouse/testing/start-oauth-upstream";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Context } from "./coverage-builders";

// Started on first use: only the OAuth entries need it, and the test process ends with it.
let upstream: Promise<OAuthUpstream> | undefined;

/** A fresh server in org A that requires OAuth (registered against an OAuth-protected upstream), as its owner. */
export async function freshOAuthServer({ db, secretBox, fx }: Context) {
  upstream ??= startOAuthUpstream();
  const { serverId } = await registerServer({
    ...{ db, secretBox, orgId: fx.orgId, actor: fx.owner.actor },
    ...{ allowStdio: false, allowPrivateNetworks: true },
    input: { name: `oauth ${uniqueSuffix()}`, transport: "streamable_http", url: (await upstream).url },
  });
  return { serverId };
}
