/** A dependency's state as readiness reports it; never the underlying error, which is logged instead. */
export type ProbeState = "ok" | "unreachable" | "timed_out" | "over_capacity";

/** What a readiness check found: ready only when every dependency is "ok". */
export type Readiness = { isReady: boolean; checks: Record<string, ProbeState> };

/** One dependency's check: resolves when it answers, rejects when it cannot; "over_capacity" is reported as such. */
export type Probe = () => Promise<unknown>;

// A load balancer polls readiness every few seconds; an answer slower than this is a failure.
const DEFAULT_PROBE_TIMEOUT_MS = 1_500;

/**
 * Runs every probe at once, each bounded by `timeoutMs`, and reports which failed. A probe
 * resolving to "over_capacity" marks its dependency as such (reachable but unable to take more).
 */
export async function probeDependencies(options: {
  probes: Record<string, Probe>;
  timeoutMs?: number;
  onFailure?: (name: string, error: unknown) => void;
}): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const names = Object.keys(options.probes);
  const states = await Promise.all(
    names.map((name) =>
      runProbe(options.probes[name] as Probe, timeoutMs, (error) => options.onFailure?.(name, error)),
    ),
  );
  const checks = Object.fromEntries(names.map((name, i) => [name, states[i] ?? "unreachable"]));
  return { isReady: states.every((state) => state === "ok"), checks };
}

async function runProbe(
  probe: Probe,
  timeoutMs: number,
  onFailure: (error: unknown) => void,
): Promise<ProbeState> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<ProbeState>((resolve) => {
    timer = setTimeout(() => resolve("timed_out"), timeoutMs);
  });
  const answered = probe().then(
    (result): ProbeState => (result === "over_capacity" ? "over_capacity" : "ok"),
    (error: unknown): ProbeState => {
      onFailure(error);
      return "unreachable";
    },
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
