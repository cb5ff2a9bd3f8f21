import type { ResolvedLimit } from "@gatehouse/policy/evaluate-call";
import {
  describeWindow,
  type LimitWindow,
  WINDOW_NAMES,
  windowSeconds,
} from "@gatehouse/policy/limit-window";

/** Seconds until a refused limit's window resets: the retry hint given to the agent. */
export function retryAfterSeconds(limit: ResolvedLimit, nowMs: number): number {
  return Math.max(1, Math.ceil((limit.windowEndMs - nowMs) / 1000));
}

/** Explains a refused call's limit: which counter, how much, and when it resets. */
export function describeLimitDenial(options: { limit: ResolvedLimit; nowMs: number }): string {
  const { limit } = options;
  const unit = limit.increment === 1 ? "call(s)" : "unit(s)";
  const resetAt = new Date(limit.windowEndMs).toISOString();
  const retry = retryAfterSeconds(limit, options.nowMs);
  return `Rate limit "${limit.counter}" reached: at most ${limit.max} ${unit} per ${describeWindow(asWindow(limit.windowSeconds))} (scope: ${limit.scope}). It resets at ${resetAt}; retry after ${retry} s.`;
}

// "per hour" reads better than "per 3600 seconds".
function asWindow(seconds: number): LimitWindow {
  return WINDOW_NAMES.find((name) => windowSeconds(name) === seconds) ?? seconds;
}
