import { endApprovalRequest, type UndecidedEnd } from "@gatehouse/core/approvals/end-approval-request";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Db } from "@gatehouse/db/client";
import type { ApprovalRequest } from "@gatehouse/db/models";

type Waiter = {
  /** Re-reads the request and settles the wait if it has ended. */
  check: () => void;
  /** Ends the request without a decision and settles the wait with the stored outcome. */
  end: (status: UndecidedEnd) => Promise<void>;
};

/**
 * The approval requests this proxy process holds calls for. A wait ends on a
 * decision message, on a periodic re-read (a message can be lost), at expiry, when
 * the agent cancels, or when the process closes. Postgres is the source of truth:
 * messages only say which request to re-read, and ending a request without a
 * decision returns the stored row, so a decision that raced in wins.
 */
export class ApprovalRegistry {
  private readonly waiters = new Map<string, Waiter>();
  private isClosing = false;

  constructor(private readonly deps: { db: Db; logger: Logger; pollMs: number; now: () => number }) {}

  /** False once `close` began: no new request should be opened. */
  get isOpen(): boolean {
    return !this.isClosing;
  }

  /** A decision message arrived for a request; the waiter, if this process holds it, re-reads the row. */
  notifyDecided(approvalId: string): void {
    this.waiters.get(approvalId)?.check();
  }

  /** Messages may have been missed (the subscription reconnected): every waiter re-reads its row. */
  recheckAll(): void {
    for (const waiter of this.waiters.values()) waiter.check();
  }

  /** Waits until the request ends, and returns it as stored. `signal` cancels the request. */
  wait(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalRequest> {
    const { db, logger, pollMs, now } = this.deps;
    const approvalId = request.id;
    return new Promise<ApprovalRequest>((resolve, reject) => {
      let isSettled = false;
      const settle = (outcome: Promise<ApprovalRequest>): Promise<void> => {
        if (isSettled) return Promise.resolve();
        isSettled = true;
        clearInterval(poll);
        clearTimeout(expiry);
        signal.removeEventListener("abort", onAbort);
        this.waiters.delete(approvalId);
        return outcome.then(resolve, reject);
      };
      const end = (status: UndecidedEnd) =>
        settle(endApprovalRequest(db, { approvalId, status, now: new Date(now()) }));
      const check = () => {
        db.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } }).then(
          (row) => {
            if (row.status !== "pending") void settle(Promise.resolve(row));
          },
          (error: unknown) =>
            logger.warn({ err: error, approvalId }, "could not re-read an approval request"),
        );
      };
      const onAbort = () => void end("cancelled");
      const poll = setInterval(check, pollMs);
      const expiry = setTimeout(() => void end("expired"), request.expiresAt.getTime() - now());
      signal.addEventListener("abort", onAbort, { once: true });
      this.waiters.set(approvalId, { check, end });
      if (signal.aborted) onAbort();
      else if (this.isClosing) void end("abandoned");
    });
  }

  /** Ends every request this process holds as abandoned, so their calls are refused now. */
  async close(): Promise<void> {
    this.isClosing = true;
    await Promise.all([...this.waiters.values()].map((waiter) => waiter.end("abandoned")));
  }
}
