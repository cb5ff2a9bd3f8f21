const RELAY = "apps/proxy/src/mcp (message relay)";
// The upstream only asks for sampling or elicitation when the client it talks to declared them.
const NO_CLIENT_REQUESTS =
  "Gatehouse's upstream client declares no `sampling`/`elicitation` capability (packages/core/src/upstream/connect-upstream.ts) and nothing relays such requests to the agent";

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
  "tools-call-sampling": `${NO_CLIENT_REQUESTS} — ${RELAY}`,
  "tools-call-elicitation": `${NO_CLIENT_REQUESTS} — ${RELAY}`,
  "elicitation-sep1034-defaults": `${NO_CLIENT_REQUESTS} — ${RELAY}`,
  "elicitation-sep1330-enums": `${NO_CLIENT_REQUESTS} — ${RELAY}`,
  "resources-subscribe": `resources/subscribe is not offered (no \`resources.subscribe\` capability; -32601) — ${RELAY}`,
  "resources-unsubscribe": `resources/unsubscribe is not offered (-32601) — ${RELAY}`,
  "dns-rebinding-protection":
    "a request with a foreign Host and Origin (evil.example.com) is answered 200, not 4xx: the proxy does not validate Origin — apps/proxy/src/http (agent transports)",
};
