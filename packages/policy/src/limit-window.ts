/** Named windows a limit may use, in the order they are listed in error messages. */
export const WINDOW_NAMES = ["second", "minute", "hour", "day"] as const;

export type WindowName = (typeof WINDOW_NAMES)[number];

/** A limit window: a named unit or a whole number of seconds. */
export type LimitWindow = WindowName | number;

/** The longest window a limit may use; longer budgets belong in quotas, not rate limits. */
export const MAX_WINDOW_SECONDS = 31 * 24 * 60 * 60;

const NAMED_WINDOW_SECONDS: Record<WindowName, number> = {
  second: 1,
  minute: 60,
  hour: 60 * 60,
  day: 24 * 60 * 60,
};

/** Returns the length of a window in seconds. */
export function windowSeconds(window: LimitWindow): number {
  return typeof window === "number" ? window : NAMED_WINDOW_SECONDS[window];
}

/** Describes a window for people: "minute", "90 seconds", "1 second". */
export function describeWindow(window: LimitWindow): string {
  if (typeof window !== "number") return window;
  return window === 1 ? "1 second" : `${window} seconds`;
}

/** The UTC-aligned fixed window containing `now`: startMs ≤ now < endMs, both multiples of its length. */
export function windowBounds(window: LimitWindow, now: Date): { startMs: number; endMs: number } {
  const lengthMs = windowSeconds(window) * 1000;
  const startMs = Math.floor(now.getTime() / lengthMs) * lengthMs;
  return { startMs, endMs: startMs + lengthMs };
}
