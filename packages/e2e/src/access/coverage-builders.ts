import type { Db } from "@gatehouse/db/client";
import type { Permission } from "../../../../apps/web/src/server/auth/permissions";
import type { AccessFixtures, FixtureDeps } from "./access-fixtures";
import type { Call } from "./perform-call";

/**
 * Who may use an entry point: anyone ("public", which includes whoever holds an invitation
 * link), only the signed-out ("signed-out only"), every member of the organisation ("any
 * member"), every member but its owner (who must transfer ownership before leaving), members
 * whose role has a Permission, or those who may manage API keys ("manage_api_keys", see
 * apps/web/src/server/api/api-key-role.ts).
 */
export type Access =
  | "public"
  | "signed-out only"
  | "any member"
  | "any member but the owner"
  | Permission
  | "manage_api_keys";

/** What one call uses up, made fresh before it (a grant to revoke, a held call to decide). */
export type Fresh = Record<string, string>;
export type Context = FixtureDeps & { fx: AccessFixtures; upstreamUrl: string; fresh: Fresh };

export type CoverageEntry = {
  access: Access;
  /** Who calls: a signed-in member, or an API key (which acts with API_KEY_ROLE). */
  caller: "session" | "api key";
  call: (context: Context) => Call;
  /** True when the call names one of org A's resources: org B must get "not found". */
  isScoped: boolean;
  /** True when it changes state; each change records an admin event, which the test counts. */
  isWrite: boolean;
  prepare?: (context: Context) => Promise<Fresh>;
  /** The status an allowed call answers, when it is not 2xx (the /api/v1 catch-all's 404). */
  allowedStatus?: number;
  /** What the call would change, read before and after it: a refused call leaves it equal. */
  state?: (context: Context) => Promise<unknown>;
  /** Undoes an allowed call whose effect would change who the later calls act as. */
  restore?: (context: Context) => Promise<void>;
};

type Options = Partial<Pick<CoverageEntry, "isScoped" | "prepare" | "allowedStatus" | "state" | "restore">>;
type Path = (context: Context) => string;

/** A page every member may open. */
export function memberPage(path: Path, options: Options = {}): CoverageEntry {
  return page("any member", path, options);
}

/** A page that exists to do one thing: members without the permission see why, not the form. */
export function page(access: Access, path: Path, options: Options = {}): CoverageEntry {
  return {
    access,
    caller: "session",
    call: (context) => ({ kind: "page", path: path(context) }),
    isScoped: false,
    isWrite: false,
    ...options,
  };
}

/** A route handler the dashboard's pages fetch with the session cookie. */
export function sessionRoute(method: string, path: Path, options: Options = {}): CoverageEntry {
  return {
    access: "any member",
    caller: "session",
    call: (context) => ({ kind: "route", method, path: path(context) }),
    isScoped: false,
    isWrite: false,
    ...options,
  };
}

/** A route anyone may call, signed in or not. */
export function publicRoute(method: string, path: string): CoverageEntry {
  return { ...sessionRoute(method, () => path), access: "public" };
}

/** An /api/v1 endpoint, called with an API key; a `permission` marks a write. */
export function apiRoute(
  method: string,
  path: Path,
  options: Options & { permission?: Permission; body?: (context: Context) => unknown } = {},
): CoverageEntry {
  const { permission, body, ...rest } = options;
  return {
    access: permission ?? "any member",
    caller: "api key",
    call: (context) => ({ kind: "route", method, path: path(context), body: body?.(context) }),
    isScoped: false,
    isWrite: permission !== undefined,
    ...rest,
  };
}

/** A server action, posted to the page whose form uses it; a Permission-gated one is a write. */
export function action(
  access: Access,
  page: Path,
  fields: (context: Context) => Record<string, string>,
  options: Options & { isWrite?: boolean } = {},
): CoverageEntry {
  return {
    access,
    caller: "session",
    call: (context) => ({ kind: "action", page: page(context), fields: fields(context) }),
    isScoped: false,
    isWrite: access !== "any member" && access !== "public",
    ...options,
  };
}

// Paths of org A's resources, for the table's entries.
export const server = ({ fx }: Context) => `/servers/${fx.serverId}`;
export const tool = ({ fx }: Context) => `/servers/${fx.serverId}/tools/${fx.toolId}`;
export const grant = ({ fx }: Context) => `/grants/${fx.grantId}`;
export const policy = ({ fx }: Context) => `/policies/${fx.policyId}`;
export const scoped = { isScoped: true };
export const fixed = (path: string) => () => path;

/** Counts org A's admin events: every state change records one, so a write shows up here. */
export function countAdminEvents(db: Db, orgId: string): Promise<number> {
  return db.adminEvent.count({ where: { orgId } });
}
