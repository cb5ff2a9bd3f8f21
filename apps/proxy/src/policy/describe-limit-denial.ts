import { describeWindow } from "@gatehouse/policy/limit-window";
import type { Limit } from "@gatehouse/policy/policy-schema";

/** Explains a refused call's limit: which counter, how much, and when it resets. */
export function describeLimitDenial(options: { limit: Limit; resetAt: Date; nowMs: number }): string {
  const { limit, resetAt } = options;
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - options.nowMs) / 1000));
  return `Rate limit "${limit.counter}" reached: at most ${limit.max} call(s) per ${describeWindow(limit.window)} (scope: ${limit.scope}). It resets at ${resetAt.toISOString()} (in ${seconds} s).`;
}
