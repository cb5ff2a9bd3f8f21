import type { Actor } from "@gatehouse/core/admin-trail/admin-actor";
import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { createGuardedFetch } from "@gatehouse/core/network/guarded-fetch";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { saveWebhook } from "@gatehouse/core/webhooks/save-webhook";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, rejectionOf, startStubServer, testSecretBox, useTestDb } from "./test-support";

const db = useTestDb();
let orgId: string;
let actor: Actor;

beforeAll(async () => {
  ({ orgId, actor } = await createTestAccount(db, "destination-guard"));
});

const OPERATOR_CHOICE =
  "Gatehouse connects only to public addresses unless an operator sets GATEHOUSE_ALLOW_PRIVATE_NETWORKS=true.";
const METADATA =
  "169.254.169.254 is a link-local address, where cloud metadata services answer. Gatehouse never connects to such addresses.";

const saves = {
  registerServer: (url: string, allowPrivateNetworks: boolean) =>
    registerServer({
      db,
      secretBox: testSecretBox,
      orgId,
      actor,
      allowStdio: false,
      allowPrivateNetworks,
      input: { name: `guarded ${uniqueSuffix()}`, transport: "streamable_http", url },
    }),
  saveWebhook: (url: string, allowPrivateNetworks: boolean) =>
    saveWebhook({ db, secretBox: testSecretBox, orgId, actor, url, allowPrivateNetworks }),
};

describe.each(Object.entries(saves))("%s", (_name, save) => {
  it.each([
    { url: "http://169.254.169.254/latest/meta-data/", message: METADATA },
    { url: "http://127.0.0.1:9/mcp", message: `127.0.0.1 is a loopback address. ${OPERATOR_CHOICE}` },
    {
      url: "http://[::ffff:127.0.0.1]/mcp",
      message: `::ffff:7f00:1 is a loopback address. ${OPERATOR_CHOICE}`,
    },
    { url: "http://10.0.0.8/mcp", message: `10.0.0.8 is a private address. ${OPERATOR_CHOICE}` },
  ])("refuses $url by default", async ({ url, message }) => {
    expect(await gatehouseFailure(save(url, false))).toEqual({
      code: "invalid_input",
      message,
      fieldErrors: [{ field: "url", message }],
    });
  });

  it("refuses a name that resolves to loopback", async () => {
    const failure = await gatehouseFailure(save("http://localhost:9/mcp", false));
    expect(failure.code).toBe("invalid_input");
    expect(failure.fieldErrors).toEqual([{ field: "url", message: failure.message }]);
    expect(failure.message).toMatch(
      /^localhost resolves to (127\.0\.0\.1|::1), which is a loopback address\./,
    );
    expect(failure.message).toContain("GATEHOUSE_ALLOW_PRIVATE_NETWORKS=true");
  });

  it("accepts loopback when the operator allows private networks, but never the metadata address", async () => {
    await expect(save("http://127.0.0.1:9/mcp", true)).resolves.toBeDefined();
    await expect(save("http://localhost:9/mcp", true)).resolves.toBeDefined();
    expect(await gatehouseFailure(save("http://169.254.169.254/", true))).toMatchObject({
      code: "invalid_input",
      fieldErrors: [{ field: "url", message: METADATA }],
    });
  });
});

/** A local server that counts requests and answers each with `status` and `headers`. */
async function startCountingServer(status: number, headers: Record<string, string> = {}) {
  const seen = { requests: 0 };
  const stub = await startStubServer((_request, response) => {
    seen.requests++;
    response.writeHead(status, headers).end();
  });
  return { ...stub, seen };
}

function discover(serverId: string, allowPrivateNetworks: boolean) {
  return discoverTools({
    db,
    secretBox: testSecretBox,
    orgId,
    serverId,
    allowStdio: false,
    allowPrivateNetworks,
    timeoutMs: 5_000,
  });
}

describe("connecting", () => {
  it("checks the address again, so a server saved while allowed is refused once it is not", async () => {
    const stub = await startCountingServer(200);
    try {
      const { serverId } = await saves.registerServer(stub.url.replace("127.0.0.1", "localhost"), true);
      // Registration asks the server whether it wants OAuth; what counts is what connecting sends.
      const seenAtRegistration = stub.seen.requests;
      const failure = await gatehouseFailure(discover(serverId, false));
      expect(failure.code).toBe("upstream_unreachable");
      expect(failure.message).toMatch(
        /^localhost resolves to (127\.0\.0\.1|::1), which is a loopback address\./,
      );
      expect(stub.seen.requests - seenAtRegistration).toBe(0);
    } finally {
      await stub.close();
    }
  });

  it("does not follow an upstream's redirect to the metadata address", async () => {
    const stub = await startCountingServer(302, { location: "http://169.254.169.254/latest/meta-data/" });
    try {
      const { serverId } = await saves.registerServer(stub.url, true);
      const seenAtRegistration = stub.seen.requests;
      const failure = await gatehouseFailure(discover(serverId, true));
      // Following it would have failed differently: 169.254.169.254 is refused, or unroutable here.
      expect(failure).toMatchObject({
        code: "upstream_not_mcp",
        message: expect.stringContaining("redirected Gatehouse (HTTP 302)"),
      });
      expect(stub.seen.requests - seenAtRegistration).toBe(1);
    } finally {
      await stub.close();
    }
  });
});

describe("createGuardedFetch", () => {
  it("checks the addresses a name resolves to when the socket connects, before sending anything", async () => {
    const stub = await startCountingServer(200);
    try {
      const error = await rejectionOf(
        createGuardedFetch({ allowPrivateNetworks: false })(stub.url.replace("127.0.0.1", "localhost")),
      );
      expect(error).toMatchObject({ code: "upstream_unreachable" });
      expect(String(error)).toContain("is a loopback address");
      expect(stub.seen.requests).toBe(0);
      const allowed = await createGuardedFetch({ allowPrivateNetworks: true })(
        stub.url.replace("127.0.0.1", "localhost"),
      );
      expect(allowed.status).toBe(200);
      expect(stub.seen.requests).toBe(1);
    } finally {
      await stub.close();
    }
  });

  it("returns a redirect without following it, even to an allowed address", async () => {
    const target = await startCountingServer(200);
    const stub = await startCountingServer(302, { location: target.url });
    try {
      const response = await createGuardedFetch({ allowPrivateNetworks: true })(stub.url, {
        method: "POST",
        body: "{}",
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(target.url);
      expect(target.seen.requests).toBe(0);
    } finally {
      await Promise.all([stub.close(), target.close()]);
    }
  });

  it("refuses a literal metadata address whatever the policy", async () => {
    const error = await rejectionOf(
      createGuardedFetch({ allowPrivateNetworks: true })("http://169.254.169.254/"),
    );
    expect(error).toMatchObject({ code: "upstream_unreachable", publicMessage: METADATA });
  });
});
