import { readRssKiB, sleep } from "./proc-rss";
import { step } from "./progress";
import type { LoadDriver } from "./services/load-driver";

export type SessionsRss = {
  process: string;
  sessions: number;
  failed: number;
  firstError?: string;
  openSeconds: number;
  closeSeconds: number;
  beforeKiB: number;
  withSessionsKiB: number;
  perSessionKiB: number;
  afterCloseKiB: number;
};

// Lets the proxy finish the work the last initialize started before RSS is read.
const SETTLE_MS = 1_000;

/** Opens `sessions` MCP sessions (initialize) through a proxy, reads its RSS, then closes them. */
export async function measureSessionsRss(options: {
  load: LoadDriver;
  process: string;
  pid: number;
  url: string;
  sessions: number;
}): Promise<SessionsRss> {
  const beforeKiB = readRssKiB(options.pid);
  const startedMs = performance.now();
  const opening = await options.load.openSessions({ url: options.url }, options.sessions);
  const openSeconds = (performance.now() - startedMs) / 1000;
  await sleep(SETTLE_MS);
  const withSessionsKiB = readRssKiB(options.pid);
  const closingMs = performance.now();
  await options.load.closeSessions();
  const closeSeconds = (performance.now() - closingMs) / 1000;
  await sleep(SETTLE_MS);
  const afterCloseKiB = readRssKiB(options.pid);
  step(
    `${options.process}: ${opening.opened} sessions opened in ${openSeconds.toFixed(1)} s, closed in ${closeSeconds.toFixed(1)} s`,
  );
  return {
    process: options.process,
    sessions: opening.opened,
    failed: opening.failed,
    ...(opening.firstError ? { firstError: opening.firstError } : {}),
    openSeconds,
    closeSeconds,
    beforeKiB,
    withSessionsKiB,
    perSessionKiB: opening.opened > 0 ? (withSessionsKiB - beforeKiB) / opening.opened : 0,
    afterCloseKiB,
  };
}
