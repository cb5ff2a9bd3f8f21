/**
 * Runs `close` but gives up after `deadlineMs`: a BullMQ worker asked to close while its
 * connections are still reconnecting (just after a Redis restart) never finishes closing, and a
 * process that hangs on SIGTERM only waits to be killed. Says whether it closed in time.
 */
export async function closeWithin(
  close: () => Promise<unknown>,
  deadlineMs: number,
): Promise<"closed" | "timed_out"> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timed_out">((resolve) => {
    timer = setTimeout(() => resolve("timed_out"), deadlineMs);
  });
  try {
    return await Promise.race([close().then(() => "closed" as const), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
