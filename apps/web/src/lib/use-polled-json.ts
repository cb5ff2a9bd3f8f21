"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";

// After failures the interval doubles, up to this factor, so an outage is not hammered.
const MAX_BACKOFF_FACTOR = 8;

type PollOptions<Schema extends z.ZodType> = {
  url: string;
  intervalMs: number;
  /** Decodes each response; must be a module-level constant (it is an effect dependency). */
  schema: Schema;
  /** Data the server rendered with the page; without it the first fetch starts at once. */
  initial?: z.output<Schema>;
  /** Polling stops while false, e.g. once a request has ended and cannot change again. */
  isEnabled?: boolean;
};

export type Polled<T> = {
  data: T | undefined;
  /** True while the last fetch failed; `data` is then the last good answer. */
  isStale: boolean;
  /** Fetches now, e.g. right after the user changed something. */
  refresh: () => void;
};

/**
 * Keeps JSON from a dashboard route fresh by fetching it every `intervalMs`: one
 * request at a time, paused while the tab is hidden (and fetched again on return),
 * backing off after failures, and never applying an answer that arrives after the
 * component has moved on.
 */
export function usePolledJson<Schema extends z.ZodType>(
  options: PollOptions<Schema>,
): Polled<z.output<Schema>> {
  const { url, intervalMs, schema, initial, isEnabled = true } = options;
  const [data, setData] = useState(initial);
  const [isStale, setIsStale] = useState(false);
  const [refreshCount, setRefreshCount] = useState(0);
  // Read by the effect to choose its first delay, without restarting it when data arrives.
  const hasData = useRef(initial !== undefined);

  useEffect(() => {
    if (!isEnabled) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isFetching = false;
    let failures = 0;
    const schedule = (delayMs: number) => {
      clearTimeout(timer);
      timer = setTimeout(poll, delayMs);
    };
    async function poll() {
      // A hidden tab resumes on visibilitychange; a fetch in flight schedules the next itself.
      if (isFetching || document.visibilityState === "hidden") return;
      isFetching = true;
      try {
        const response = await fetch(url, { cache: "no-store", signal: controller.signal });
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        const next = schema.parse(await response.json());
        hasData.current = true;
        setData(next);
        setIsStale(false);
        failures = 0;
      } catch {
        if (controller.signal.aborted) return;
        failures += 1;
        setIsStale(true);
      } finally {
        isFetching = false;
      }
      schedule(intervalMs * Math.min(2 ** failures, MAX_BACKOFF_FACTOR));
    }
    const onVisibilityChange = () => {
      if (document.visibilityState === "visible") schedule(0);
    };
    document.addEventListener("visibilitychange", onVisibilityChange);
    // A refresh, or a first load without server data, fetches at once.
    schedule(refreshCount > 0 || !hasData.current ? 0 : intervalMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [url, intervalMs, schema, isEnabled, refreshCount]);

  const refresh = useCallback(() => setRefreshCount((count) => count + 1), []);
  return { data, isStale, refresh };
}
