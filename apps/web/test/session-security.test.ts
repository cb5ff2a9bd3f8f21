import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { absoluteLifetimeCodec } from "@/server/security/session-token";

const secret = "a-test-secret-that-is-long-enough-to-use";
const HOUR_MS = 60 * 60 * 1000;
const MAX_AGE_SECONDS = 12 * 60 * 60;

/** A codec whose clock the test moves. */
function codecAt(start: number) {
  const clock = { now: start };
  return { clock, codec: absoluteLifetimeCodec(MAX_AGE_SECONDS, () => clock.now) };
}

describe("absoluteLifetimeCodec", () => {
  it("stamps the sign-in time and opens its own token", async () => {
    const { codec } = codecAt(Date.now());
    const token = await codec.encode({ token: { userId: "usr_1" }, secret, maxAge: MAX_AGE_SECONDS });
    const decoded = await codec.decode({ token, secret });
    expect(decoded).toMatchObject({ userId: "usr_1", signedInAt: expect.any(Number) });
  });

  it("keeps the first sign-in time when the session is refreshed, so refreshing never extends it", async () => {
    const signIn = Date.now() - 11 * HOUR_MS;
    const { clock, codec } = codecAt(signIn);
    const first = await codec.encode({ token: { userId: "usr_1" }, secret, maxAge: MAX_AGE_SECONDS });
    clock.now = Date.now();
    const refreshed = await codec.encode({
      token: (await codec.decode({ token: first, secret })) ?? {},
      secret,
      maxAge: MAX_AGE_SECONDS,
    });
    expect((await codec.decode({ token: refreshed, secret }))?.signedInAt).toBe(Math.floor(signIn / 1000));
    // The refreshed JWT itself expires 12 h after sign-in, i.e. in about an hour, not in 12.
    const exp = Number((await codec.decode({ token: refreshed, secret }))?.exp);
    expect(exp - Date.now() / 1000).toBeLessThan(HOUR_MS / 1000 + 5);
  });

  it("refuses a token signed in more than 12 hours ago even if its exp is in the future", async () => {
    const thirteenHoursAgo = Math.floor((Date.now() - 13 * HOUR_MS) / 1000);
    const token = await encode({
      token: { userId: "usr_1", signedInAt: thirteenHoursAgo },
      secret,
      maxAge: 3600,
    });
    expect(await codecAt(Date.now()).codec.decode({ token, secret })).toBeNull();
  });

  it("refuses an expired, tampered, foreign-secret or unstamped token", async () => {
    const { codec } = codecAt(Date.now());
    const signedInAt = Math.floor(Date.now() / 1000);
    const expired = await encode({ token: { userId: "usr_1", signedInAt }, secret, maxAge: -60 });
    const valid = await encode({ token: { userId: "usr_1", signedInAt }, secret, maxAge: 3600 });
    const tampered = `${valid.slice(0, -4)}AAAA`;
    const unstamped = await encode({ token: { userId: "usr_1" }, secret, maxAge: 3600 });
    expect(await codec.decode({ token: valid, secret })).not.toBeNull();
    expect(await codec.decode({ token: expired, secret })).toBeNull();
    expect(await codec.decode({ token: tampered, secret })).toBeNull();
    expect(await codec.decode({ token: valid, secret: `${secret}-rotated` })).toBeNull();
    expect(await codec.decode({ token: unstamped, secret })).toBeNull();
  });
});
