import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { type FieldError, GatehouseError } from "../errors/gatehouse-error";
import { type GrantChangeNotifier, notifyBestEffort } from "../grants/grant-change-notifier";
import { openRecord, type SecretBox, sealRecord } from "../secrets/secret-box";
import { CREDENTIAL_RULES, type CredentialKind, credentialKindOf } from "./server-credentials";

const CredentialsChangeSchema = z.object({
  set: z.record(z.string(), z.string()).default({}),
  remove: z.array(z.string()).default([]),
});

/**
 * Replaces, adds or removes a server's stored headers (HTTP servers) or env variables (stdio
 * servers) by name. Values are write-only: none is ever returned, and the admin trail records
 * names only. The proxies are told, so new sessions use the new values.
 */
export async function updateServerCredentials(options: {
  db: Db;
  secretBox: SecretBox;
  notify: GrantChangeNotifier;
  orgId: string;
  actor: Actor;
  serverId: string;
  /** Name → new value: replaces a stored value of that name, or adds one. */
  set?: Record<string, string>;
  /** Names of stored values to remove. */
  remove?: string[];
}) {
  const change = parseInput(CredentialsChangeSchema, { set: options.set, remove: options.remove });
  const { db, secretBox, orgId } = options;
  const server = await db.mcpServer.findFirst({
    where: { id: options.serverId, orgId },
    select: { id: true, name: true, transport: true, headersEncrypted: true, envEncrypted: true },
  });
  if (!server) throw new GatehouseError("not_found", "No such server in this organisation.");
  const kind = credentialKindOf(server);
  const sealed = server[CREDENTIAL_RULES[kind].column];
  const { next, details } = applyChange(kind, openRecord(secretBox, sealed), change);
  await db.$transaction(async (tx) => {
    // Compare-and-swap on what was read: two people editing at once must not silently drop a change.
    const { count } = await tx.mcpServer.updateMany({
      where: { id: server.id, orgId, ...sealedField(kind, sealed) },
      data: sealedField(kind, sealRecord(secretBox, next)),
    });
    if (count === 0) {
      throw new GatehouseError(
        "conflict",
        "Someone changed this server's credentials at the same time. Reload the page and try again.",
      );
    }
    await recordAdminEvent(tx, {
      orgId,
      actor: options.actor,
      action: "server.credentials_changed",
      target: { id: server.id, name: server.name },
      details: { kind, ...details },
    });
  });
  const isPropagated = await notifyBestEffort(options.notify, {
    kind: "server_changed",
    serverId: server.id,
  });
  return { ...details, names: Object.keys(next), isPropagated };
}

type CredentialsChange = z.output<typeof CredentialsChangeSchema>;

// Validates names and values with registration's rules, then applies removals and sets.
function applyChange(kind: CredentialKind, current: Record<string, string>, change: CredentialsChange) {
  const rules = CREDENTIAL_RULES[kind];
  const fieldErrors: FieldError[] = [];
  const check = (field: string, schema: z.ZodType<string>, value: string) => {
    const result = schema.safeParse(value);
    if (!result.success) fieldErrors.push({ field, message: result.error.issues[0]?.message ?? "Invalid." });
  };
  const find = (name: string) => Object.keys(current).find((stored) => rules.isSameName(stored, name));
  for (const [name, value] of Object.entries(change.set)) {
    check("name", rules.name, name);
    check("value", rules.value, value);
    if (change.remove.some((removed) => rules.isSameName(removed, name))) {
      fieldErrors.push({
        field: "name",
        message: `Either replace or remove the ${rules.noun} ${name}, not both.`,
      });
    }
  }
  for (const name of change.remove) {
    if (!find(name))
      fieldErrors.push({ field: "name", message: `No ${rules.noun} named ${name} is stored.` });
  }
  if (!Object.keys(change.set).length && !change.remove.length) {
    fieldErrors.push({
      field: "name",
      message: `Enter a ${rules.noun} name and value, or choose one to remove.`,
    });
  }
  if (fieldErrors.length) {
    throw new GatehouseError("invalid_input", fieldErrors[0]?.message ?? "Invalid.", { fieldErrors });
  }
  const next = { ...current };
  const details = { added: [] as string[], replaced: [] as string[], removed: [] as string[] };
  for (const name of change.remove) {
    delete next[find(name) ?? name];
    details.removed.push(name);
  }
  for (const [name, value] of Object.entries(change.set)) {
    const stored = find(name);
    if (stored !== undefined) delete next[stored];
    (stored === undefined ? details.added : details.replaced).push(name);
    next[name] = value;
  }
  return { next, details };
}

function sealedField(kind: CredentialKind, value: string | null) {
  return kind === "headers" ? { headersEncrypted: value } : { envEncrypted: value };
}
