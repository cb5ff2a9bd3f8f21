import { z } from "zod";

/** Where a request came from, as the HTTP layer saw it (before any MCP session is involved). */
export const RequestOriginSchema = z.object({
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The public prefix of the token presented, never the token. */
  tokenPrefix: z.string().nullable(),
});
export type RequestOrigin = z.infer<typeof RequestOriginSchema>;

/** Who sent a request, as every audit event records it: its origin, MCP session and client. */
export type Caller = RequestOrigin & {
  sessionId: string | null;
  /** The agent's MCP client as it named itself in `initialize`. */
  clientName: string | null;
  clientVersion: string | null;
};

export const UNKNOWN_ORIGIN: RequestOrigin = { clientIp: null, userAgent: null, tokenPrefix: null };

/** The caller of a request from its origin, its MCP session, and the client the session's `initialize` named. */
export function toCaller(
  origin: RequestOrigin,
  session: { id?: string | undefined; client?: { name: string; version: string } | undefined },
): Caller {
  return {
    ...origin,
    sessionId: session.id ?? null,
    clientName: session.client?.name ?? null,
    clientVersion: session.client?.version ?? null,
  };
}
