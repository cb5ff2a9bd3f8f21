const RELAY = "apps/proxy/src/mcp (message relay)";

/**
 * Conformance scenarios that pass against the reference server but fail through Gatehouse today,
 * with why and where the fix belongs. The conformance test fails on any failure not listed here,
 * and on any listed scenario that now passes (remove it then), so the list cannot go stale.
 */
export const KNOWN_GATEWAY_FAILURES: Record<string, string> = {
  "completion-complete": `completion/complete is not offered (no \`completions\` capability; -32601) — ${RELAY}`,
  "logging-set-level": `logging/setLevel is not offered (no \`logging\` capability; -32601) — ${RELAY}`,
  "tools-call-with-logging": `logging/setLevel answers -32601 and notifications/message are not relayed — ${RELAY}`,
  "tools-call-with-progress": `the upstream's notifications/progress do not reach the agent — ${RELAY}`,
  "tools-call-sampling": `the upstream's sampling/createMessage is not relayed to the agent — ${RELAY}`,
  "tools-call-elicitation": `the upstream's elicitation/create is not relayed to the agent — ${RELAY}`,
  "elicitation-sep1034-defaults": `the upstream's elicitation/create is not relayed to the agent — ${RELAY}`,
  "elicitation-sep1330-enums": `the upstream's elicitation/create is not relayed to the agent — ${RELAY}`,
  "resources-subscribe": `resources/subscribe is not offered (no \`resources.subscribe\` capability; -32601) — ${RELAY}`,
  "resources-unsubscribe": `resources/unsubscribe is not offered (-32601) — ${RELAY}`,
  "dns-rebinding-protection":
    "a request with a foreign Host and Origin (evil.example.com) is answered 200, not 4xx: the proxy does not validate Origin — apps/proxy/src/http (agent transports)",
};
