import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { buildProxyUrl } from "@gatehouse/core/grants/grant-token";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { BENCH_DATABASE_URL, BENCH_ENCRYPTION_KEY } from "../bench-env";

/** The policies the benchmark measures, as saved documents. */
export const BENCH_POLICIES = {
  allowAll: { version: "1", default: "allow" },
  // A day's budget of a billion calls: counted in Redis on every call, never reached.
  rateLimited: {
    version: "1",
    default: "deny",
    tools: { echo: { limits: [{ counter: "bench", window: "day", max: 1_000_000_000, scope: "grant" }] } },
  },
  deniedEcho: {
    version: "1",
    default: "allow",
    tools: { echo: { action: "deny", reason: "Denied for the benchmark." } },
  },
} as const;

export type GrantUrls = Record<keyof typeof BENCH_POLICIES, string>;
export type SeededGrants = { echo: GrantUrls; everything: Pick<GrantUrls, "allowAll"> };

const DISCOVER_TIMEOUT_MS = 10_000;

/**
 * Registers both upstreams and creates their grants through the same core operations the
 * dashboard uses; returns each grant's proxy URL.
 */
export async function seedGrants(options: {
  proxyBaseUrl: string;
  echoUrl: string;
  everythingUrl: string;
}): Promise<SeededGrants> {
  const db = createDb(BENCH_DATABASE_URL);
  const secretBox = createSecretBox(BENCH_ENCRYPTION_KEY);
  try {
    const account = await createTestAccount(db, "bench");
    const addServer = async (name: string, url: string) => {
      const input = { name, transport: "streamable_http" as const, url, headers: {} };
      const { serverId } = await registerServer({
        db,
        secretBox,
        orgId: account.orgId,
        actor: account.actor,
        allowStdio: false,
        allowPrivateNetworks: true,
        input,
      });
      await discoverTools({
        db,
        secretBox,
        orgId: account.orgId,
        serverId,
        allowStdio: false,
        allowPrivateNetworks: true,
        timeoutMs: DISCOVER_TIMEOUT_MS,
      });
      return serverId;
    };
    const grantUrl = async (serverId: string, name: string, policy: object) => {
      const input = { serverId, name, policy: JSON.stringify(policy) };
      const { token } = await createGrant({ db, orgId: account.orgId, actor: account.actor, input });
      return buildProxyUrl(options.proxyBaseUrl, token);
    };
    const echoServer = await addServer("bench echo", options.echoUrl);
    const everythingServer = await addServer("bench everything", options.everythingUrl);
    return {
      echo: {
        allowAll: await grantUrl(echoServer, "bench allow-all", BENCH_POLICIES.allowAll),
        rateLimited: await grantUrl(echoServer, "bench rate-limited", BENCH_POLICIES.rateLimited),
        deniedEcho: await grantUrl(echoServer, "bench denied", BENCH_POLICIES.deniedEcho),
      },
      everything: { allowAll: await grantUrl(everythingServer, "bench allow-all", BENCH_POLICIES.allowAll) },
    };
  } finally {
    await db.$disconnect();
  }
}
