import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();

/**
 * The proxy's environment fields bounding what one HTTP request may cost it. The timeouts
 * cover receiving a request (headers, then body); the answer is not timed by them, so SSE
 * streams and calls held for approval stay open as long as they need.
 */
export const httpLimitFields = {
  GATEHOUSE_MAX_BODY_BYTES: positiveInt.default(4 * 1024 * 1024),
  GATEHOUSE_MAX_HEADER_BYTES: positiveInt.min(1024).default(16 * 1024),
  GATEHOUSE_HEADERS_TIMEOUT_MS: positiveInt.default(10_000),
  GATEHOUSE_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  GATEHOUSE_KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(5_000),
  // Deeply nested JSON costs every recursive reader after the parser (the SDK's schemas,
  // JSON.stringify), and long strings are what policy regexes scan on every call.
  GATEHOUSE_MAX_JSON_DEPTH: positiveInt.max(1000).default(32),
  GATEHOUSE_MAX_STRING_CHARS: positiveInt.default(256 * 1024),
};

type HttpLimitEnv = z.output<z.ZodObject<typeof httpLimitFields>>;

/** What the HTTP layer enforces on every request. */
export type HttpLimits = {
  maxBodyBytes: number;
  maxHeaderBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxJsonDepth: number;
  maxStringChars: number;
};

/** The HTTP limits a validated environment sets. */
export function httpLimitsOf(env: HttpLimitEnv): HttpLimits {
  return {
    maxBodyBytes: env.GATEHOUSE_MAX_BODY_BYTES,
    maxHeaderBytes: env.GATEHOUSE_MAX_HEADER_BYTES,
    headersTimeoutMs: env.GATEHOUSE_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.GATEHOUSE_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: env.GATEHOUSE_KEEP_ALIVE_TIMEOUT_MS,
    maxJsonDepth: env.GATEHOUSE_MAX_JSON_DEPTH,
    maxStringChars: env.GATEHOUSE_MAX_STRING_CHARS,
  };
}

/** Node refuses a headers timeout longer than the request timeout; say so at start-up instead. */
export function checkHttpLimits(env: HttpLimitEnv, context: z.RefinementCtx): void {
  if (env.GATEHOUSE_HEADERS_TIMEOUT_MS > env.GATEHOUSE_REQUEST_TIMEOUT_MS) {
    context.addIssue({
      code: "custom",
      path: ["GATEHOUSE_HEADERS_TIMEOUT_MS"],
      message: `must be at most GATEHOUSE_REQUEST_TIMEOUT_MS (${env.GATEHOUSE_REQUEST_TIMEOUT_MS})`,
    });
  }
}
