/** The Redis channel on which decided approval requests are announced to every proxy process. */
export const APPROVAL_DECISIONS_CHANNEL = "gatehouse:approval-decisions";

/** Says which request was decided; the proxy reads the outcome from Postgres, the source of truth. */
export type ApprovalDecided = { approvalId: string };

/** Tells the proxies that a request was decided, so the one holding the call answers at once. */
export type ApprovalPublisher = (message: ApprovalDecided) => Promise<void>;

/** A publisher on APPROVAL_DECISIONS_CHANNEL through any Redis-like client. */
export function createApprovalPublisher(publisher: {
  publish(channel: string, message: string): Promise<number>;
}): ApprovalPublisher {
  return async (message) => {
    await publisher.publish(APPROVAL_DECISIONS_CHANNEL, JSON.stringify(message));
  };
}

/** Parses a channel message; anything else is ignored by the subscriber. */
export function parseApprovalDecided(raw: string): ApprovalDecided | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === "object" && value !== null && "approvalId" in value) {
      const { approvalId } = value;
      if (typeof approvalId === "string" && approvalId.length > 0) return { approvalId };
    }
  } catch {
    return null;
  }
  return null;
}
