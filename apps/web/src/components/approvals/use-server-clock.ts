"use client";

import { useEffect, useState } from "react";

/**
 * The current time by the server's clock, ticking every second, given the server's time
 * when the data was read: countdowns then agree with the server's expiry even when this
 * computer's clock is off. Starts at `serverNow`, so the first render matches the server's.
 */
export function useServerClock(serverNow: Date): Date {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const offsetMs = serverNow.getTime() - Date.now();
    const tick = () => setNow(new Date(Date.now() + offsetMs));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [serverNow]);
  return now;
}
