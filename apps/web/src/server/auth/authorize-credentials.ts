import "server-only";
import { verifyCredentials } from "@gatehouse/core/users/verify-credentials";
import { SignInCredentialsSchema } from "@/lib/sign-in-credentials";
import { throttledSignInError } from "@/lib/sign-in-error";
import type { Services } from "@/server/services";

const MAX_IP_CHARS = 100;

/**
 * The user for a sign-in form's email and password, or null when they are wrong. Throws the
 * throttled-sign-in code (which next-auth passes to the form) once too many attempts failed.
 */
export async function authorizeCredentials(
  services: Pick<Services, "db" | "env" | "logger" | "loginThrottle">,
  raw: unknown,
  headers: Record<string, unknown> | undefined,
) {
  const parsed = SignInCredentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = { email, ip: clientIp(headers, services.env.GATEHOUSE_TRUST_PROXY) };
  const decision = await services.loginThrottle.check(attempt);
  if (!decision.isAllowed) {
    services.logger.warn({ scope: decision.scope, ip: attempt.ip }, "sign-in throttled");
    throw new Error(throttledSignInError(decision.retryAfterMs));
  }
  const user = await verifyCredentials({ db: services.db, email, password });
  await (user
    ? services.loginThrottle.recordSuccess(attempt)
    : services.loginThrottle.recordFailure(attempt));
  return user;
}

/**
 * The client's IP: the last X-Forwarded-For entry (appended by our own reverse proxy, so the
 * client cannot forge it) when GATEHOUSE_TRUST_PROXY is on. next-auth 4 passes `authorize` only
 * the request's headers, not the peer address, so without a trusted proxy the IP is unknown
 * and sign-in is throttled per account only.
 */
function clientIp(headers: Record<string, unknown> | undefined, trustProxy: boolean): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  if (!trustProxy || typeof forwarded !== "string") return undefined;
  return forwarded.split(",").at(-1)?.trim().slice(0, MAX_IP_CHARS) || undefined;
}
