const startedMs = performance.now();

/** Prints a phase of the run with the seconds since the benchmark started. */
export function step(message: string): void {
  const elapsed = ((performance.now() - startedMs) / 1000).toFixed(1).padStart(6);
  console.log(`[${elapsed} s] › ${message}`);
}
