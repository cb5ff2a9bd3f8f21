import { createHmac } from "node:crypto";
import { signWebhookPayload, verifyWebhookSignature } from "@gatehouse/core/webhooks/sign-webhook-payload";
import { describe, expect, it } from "vitest";

const SECRET = "whsec_test-secret";
const BODY = '{"id":"d-1","event":"webhook.test"}';
const TOLERANCE_SECONDS = 300;
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("signWebhookPayload", () => {
  it("signs HMAC-SHA256 of '<t>.<body>' as t=<seconds>,v1=<hex>, as a receiver recomputes it", () => {
    const header = signWebhookPayload(SECRET, BODY, 1_700_000_000);
    const expected = createHmac("sha256", SECRET).update(`1700000000.${BODY}`).digest("hex");
    expect(header).toBe(`t=1700000000,v1=${expected}`);
  });
});

describe("verifyWebhookSignature", () => {
  const fresh = () => signWebhookPayload(SECRET, BODY, nowSeconds());
  const v1Of = (header: string) => header.split("v1=")[1] ?? "";

  it.each([
    { case: "a fresh signature of the body", header: fresh, body: BODY, secret: SECRET, isValid: true },
    {
      case: "a tampered body",
      header: fresh,
      body: BODY.replace("d-1", "d-2"),
      secret: SECRET,
      isValid: false,
    },
    { case: "another secret", header: fresh, body: BODY, secret: `${SECRET}2`, isValid: false },
    {
      case: "a timestamp older than the tolerance (a replay)",
      header: () => signWebhookPayload(SECRET, BODY, nowSeconds() - TOLERANCE_SECONDS - 60),
      body: BODY,
      secret: SECRET,
      isValid: false,
    },
    {
      case: "a timestamp far in the future",
      header: () => signWebhookPayload(SECRET, BODY, nowSeconds() + TOLERANCE_SECONDS + 60),
      body: BODY,
      secret: SECRET,
      isValid: false,
    },
    {
      case: "an old signature given a new timestamp",
      header: () => `t=${nowSeconds()},v1=${v1Of(signWebhookPayload(SECRET, BODY, nowSeconds() - 1000))}`,
      body: BODY,
      secret: SECRET,
      isValid: false,
    },
    {
      case: "a valid v1 listed after a stale one",
      header: () => `t=${nowSeconds()},v1=${"0".repeat(64)},v1=${v1Of(fresh())}`,
      body: BODY,
      secret: SECRET,
      isValid: true,
    },
    { case: "no timestamp", header: () => `v1=${v1Of(fresh())}`, body: BODY, secret: SECRET, isValid: false },
    { case: "no signature", header: () => `t=${nowSeconds()}`, body: BODY, secret: SECRET, isValid: false },
    {
      case: "a truncated signature",
      header: () => fresh().slice(0, -2),
      body: BODY,
      secret: SECRET,
      isValid: false,
    },
    { case: "an empty header", header: () => "", body: BODY, secret: SECRET, isValid: false },
  ])("$case → $isValid", ({ header, body, secret, isValid }) => {
    expect(verifyWebhookSignature(secret, header(), body, TOLERANCE_SECONDS)).toBe(isValid);
  });

  it("treats a missing header as unsigned", () => {
    expect(verifyWebhookSignature(SECRET, undefined, BODY, TOLERANCE_SECONDS)).toBe(false);
  });
});
