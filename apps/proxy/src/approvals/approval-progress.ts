import type { ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import type { RequestContext } from "../mcp/gateway-deps";
import { formatDuration } from "./format-duration";

/**
 * Reports a held call's wait to a client that sent a progress token, at once and then
 * every `intervalMs`, so a client that resets its timeout on progress keeps waiting.
 * Returns `stop`.
 */
export function startApprovalProgress(options: {
  request: RequestContext;
  expiresAt: Date;
  intervalMs: number;
  now: () => number;
}): () => void {
  const { request, expiresAt, now } = options;
  const progressToken = request._meta?.progressToken;
  if (progressToken === undefined) return () => undefined;
  let progress = 0;
  const report = () => {
    progress += 1;
    const left = formatDuration((expiresAt.getTime() - now()) / 1000);
    const notification: ServerNotification = {
      method: "notifications/progress",
      params: { progressToken, progress, message: `Waiting for approval (${left} left)` },
    };
    // A client that has gone cannot be told; its cancellation ends the wait elsewhere.
    request.sendNotification(notification).catch(() => undefined);
  };
  report();
  const timer = setInterval(report, options.intervalMs);
  return () => clearInterval(timer);
}
