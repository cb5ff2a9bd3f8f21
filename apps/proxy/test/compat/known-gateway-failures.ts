/**
 * Conformance scenarios that pass against the reference server but fail through Gatehouse today,
 * with why and where the fix belongs. The conformance test fails on any failure not listed here,
 * and on any listed scenario that now passes (remove it then), so the list cannot go stale.
 */
export const KNOWN_GATEWAY_FAILURES: Record<string, string> = {};
