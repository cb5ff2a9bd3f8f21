import type { ResolvedLimit } from "@gatehouse/policy/evaluate-call";
import { windowBounds } from "@gatehouse/policy/limit-window";

/**
 * The same limits in the windows containing `nowMs`. A call held for approval is
 * counted when it is forwarded, and its wait may have outlasted the windows it was
 * evaluated in.
 */
export function placeLimitsAt(limits: ResolvedLimit[], nowMs: number): ResolvedLimit[] {
  return limits.map((limit) => {
    const { startMs, endMs } = windowBounds(limit.windowSeconds, new Date(nowMs));
    return { ...limit, windowStartMs: startMs, windowEndMs: endMs };
  });
}
