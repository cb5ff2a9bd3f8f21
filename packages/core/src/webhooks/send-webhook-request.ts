import type { NetworkPolicy } from "../network/classify-address";
import { createGuardedFetch } from "../network/guarded-fetch";
import { signWebhookPayload, WEBHOOK_SIGNATURE_HEADER } from "./sign-webhook-payload";
import type { WebhookEvent } from "./webhook-job";

/** How long a receiver has to answer; longer than a chat service needs, short enough not to pile up jobs. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
// The delivery log shows what went wrong, not the receiver's whole error page.
const MAX_ERROR_CHARS = 200;

export type WebhookAttemptResult =
  | { isDelivered: true; responseStatus: number }
  | { isDelivered: false; responseStatus: number | null; error: string };

/** POSTs one signed delivery; any 2xx answer counts as delivered, anything else (redirects included) as failed. */
export async function sendWebhookRequest(options: {
  url: string;
  secret: string;
  event: WebhookEvent;
  deliveryId: string;
  body: string;
  now: Date;
  policy: NetworkPolicy;
  timeoutMs?: number;
}): Promise<WebhookAttemptResult> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const timestampSeconds = Math.floor(options.now.getTime() / 1000);
  try {
    // The URL was checked when saved, but DNS can answer differently now: the guarded fetch
    // connects only to an address the policy allows.
    const response = await createGuardedFetch(options.policy)(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Gatehouse-Webhooks/1",
        "x-gatehouse-event": options.event,
        "x-gatehouse-delivery": options.deliveryId,
        [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(options.secret, options.body, timestampSeconds),
      },
      body: options.body,
      // The guarded fetch never follows a redirect: the signed request goes only where the organisation said.
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.ok) {
      await response.body?.cancel();
      return { isDelivered: true, responseStatus: response.status };
    }
    const snippet = await readSnippet(response);
    return {
      isDelivered: false,
      responseStatus: response.status,
      error: `HTTP ${response.status}${snippet ? `: ${snippet}` : ""}`.slice(0, MAX_ERROR_CHARS),
    };
  } catch (error) {
    return { isDelivered: false, responseStatus: null, error: describeFetchError(error, timeoutMs) };
  }
}

// Reads no more of the body than the log keeps, so a huge error page costs nothing.
async function readSnippet(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const decoder = new TextDecoder();
  let text = "";
  while (text.length < MAX_ERROR_CHARS) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text.replace(/\s+/g, " ").trim();
}

/** Says why no answer came, as the network reported it, e.g. "connect ECONNREFUSED 127.0.0.1:9". */
function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") {
    return `No answer within ${timeoutMs / 1000} s`;
  }
  // fetch wraps the network's error as its cause; a host with several addresses fails with one per address.
  let cause = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof AggregateError && cause.errors[0] !== undefined) cause = cause.errors[0];
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.slice(0, MAX_ERROR_CHARS) || "The request failed without an answer";
}
