import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Actor } from "@gatehouse/core/admin-trail/admin-actor";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { GrantChange } from "@gatehouse/core/grants/grant-change-notifier";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { registerServer } from "@gatehouse/core/servers/register-server";
import type { RegisterServerInput } from "@gatehouse/core/servers/register-server-input";
import { createDb, type Db } from "@gatehouse/db/client";
import { TEST_DATABASE_URL, TEST_ENCRYPTION_KEY, uniqueSuffix } from "@gatehouse/testing/test-env";
import { afterAll } from "vitest";

/** A Prisma client on the test database, disconnected when the file's tests finish. */
export function useTestDb(): Db {
  const db = createDb(TEST_DATABASE_URL);
  afterAll(() => db.$disconnect());
  return db;
}

export const testSecretBox = createSecretBox(TEST_ENCRYPTION_KEY);

/** Awaits a promise expected to reject and returns what it threw, failing the test if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the operation to fail, but it succeeded.");
}

/** The code, public message and field errors of a GatehouseError, for one exact assertion. */
export async function gatehouseFailure(promise: Promise<unknown>) {
  const error = await rejectionOf(promise);
  if (!isGatehouseError(error)) throw error;
  return { code: error.code, message: error.publicMessage, fieldErrors: error.fieldErrors };
}

export type StubServer = { url: string; close: () => Promise<void> };

/** A plain HTTP server on a free port answering every request with `handler` (stands in for non-MCP upstreams). */
export async function startStubServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<StubServer> {
  const server = createServer((request, response) => {
    // Drain the body so the client sees the answer rather than a reset connection.
    request.resume();
    request.on("end", () => handler(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server registration without its name (tests give each server a unique one). */
export type ServerConnection = RegisterServerInput extends infer Input
  ? Input extends unknown
    ? Omit<Input, "name">
    : never
  : never;

/** Registers an HTTP server with a unique name in the account's organisation, as its user, and returns its id. */
export async function registerTestServer(
  db: Db,
  account: { orgId: string; actor: Actor },
  label = "server",
): Promise<string> {
  const { serverId } = await registerServer({
    db,
    secretBox: testSecretBox,
    orgId: account.orgId,
    actor: account.actor,
    allowStdio: false,
    allowPrivateNetworks: true,
    input: {
      name: `${label} ${uniqueSuffix()}`,
      transport: "streamable_http",
      url: "http://127.0.0.1:9/mcp",
    },
  });
  return serverId;
}

/** A notifier that remembers what it was told (a real function standing in for Redis). */
export function recordingNotifier() {
  const changes: GrantChange[] = [];
  const notify = async (change: GrantChange) => {
    changes.push(change);
  };
  return { notify, changes };
}

/** A notifier whose channel is down: every call throws. */
export async function unreachableNotifier(_change: GrantChange): Promise<void> {
  throw new Error("Redis is down");
}
