import { decode, encode, type JWT, type JWTDecodeParams, type JWTEncodeParams } from "next-auth/jwt";

// A working day: long enough not to interrupt, short enough that a stolen cookie expires soon.
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

type SessionTokenCodec = {
  encode: (params: JWTEncodeParams) => Promise<string>;
  decode: (params: JWTDecodeParams) => Promise<JWT | null>;
};

/**
 * next-auth's JWT encode/decode with an absolute lifetime. next-auth re-issues the session
 * cookie with a fresh expiry whenever /api/auth/session is read, which would let a session
 * (or a stolen cookie) live for ever; the token keeps its sign-in time (`signedInAt`, seconds)
 * and never outlives it by more than `maxAgeSeconds`, however often it is refreshed.
 */
export function absoluteLifetimeCodec(
  maxAgeSeconds: number,
  now: () => number = Date.now,
): SessionTokenCodec {
  return {
    async encode(params) {
      const nowSeconds = Math.floor(now() / 1000);
      const signedInAt = readSignedInAt(params.token) ?? nowSeconds;
      const remainingSeconds = signedInAt + maxAgeSeconds - nowSeconds;
      return encode({ ...params, token: { ...params.token, signedInAt }, maxAge: remainingSeconds });
    },
    async decode(params) {
      // Expired, tampered or signed with another secret: all simply "no session".
      const token = await decode(params).catch(() => null);
      const signedInAt = readSignedInAt(token);
      // A token without a sign-in time predates this rule; treating it as expired fails closed.
      if (!token || signedInAt === undefined) return null;
      return now() / 1000 < signedInAt + maxAgeSeconds ? token : null;
    },
  };
}

function readSignedInAt(token: JWT | null | undefined): number | undefined {
  const value = token?.signedInAt;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The codec the dashboard's sessions use: at most SESSION_MAX_AGE_SECONDS from sign-in. */
export const sessionTokenCodec = absoluteLifetimeCodec(SESSION_MAX_AGE_SECONDS);
