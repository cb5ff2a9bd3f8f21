import { probeDependencies } from "@gatehouse/core/ops/probe-dependencies";
import { NextResponse } from "next/server";
import { getServices } from "@/server/services";

// Answered per request: a cached answer would say the database is up after it went down.
export const dynamic = "force-dynamic";

/** The dashboard's readiness for a load balancer: 200 while Postgres answers, else 503 naming it. Public. */
export async function GET(): Promise<NextResponse> {
  const { db, logger } = getServices();
  const { isReady, checks } = await probeDependencies({
    probes: { postgres: () => db.$queryRaw`SELECT 1` },
    onFailure: (dependency, error) => logger.warn({ err: error, dependency }, "health check failed"),
  });
  return NextResponse.json(
    { status: isReady ? "ready" : "not_ready", checks },
    { status: isReady ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
