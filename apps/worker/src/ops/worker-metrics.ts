import { Counter, Gauge, Histogram, MetricRegistry } from "@gatehouse/core/metrics/metric-registry";
import { type Job, Queue, type Worker } from "bullmq";
import type { Redis } from "ioredis";

// Proxies send batches of up to 200 events; the buckets show how full they run.
const BATCH_SIZE_BUCKETS = [1, 5, 10, 25, 50, 100, 150, 200];
const COUNTED_STATES = ["waiting", "active", "delayed", "failed"] as const;

/** The worker's metrics: jobs processed and failed by queue, queue depth by state, audit batch sizes. */
export function createWorkerMetrics(options: {
  workers: Record<string, Worker>;
  auditQueue: string;
  connection: Redis;
  prefix: string;
}): { registry: MetricRegistry; close: () => Promise<void> } {
  const registry = new MetricRegistry();
  const processed = registry.add(
    new Counter("gatehouse_worker_jobs_processed_total", "Jobs this worker completed, by queue.", ["queue"]),
  );
  const failed = registry.add(
    new Counter("gatehouse_worker_jobs_failed_total", "Job attempts that failed in this worker, by queue.", [
      "queue",
    ]),
  );
  const batchSizes = registry.add(
    new Histogram(
      "gatehouse_worker_audit_batch_events",
      "Audit events per ingested batch.",
      BATCH_SIZE_BUCKETS,
    ),
  );
  // Depth is read from Redis through one shared connection, so it covers every worker's jobs.
  const queues = Object.values(options.workers).map(
    (worker) => new Queue(worker.name, { connection: options.connection, prefix: options.prefix }),
  );
  registry.add(
    new Gauge(
      "gatehouse_worker_queue_jobs",
      "Jobs in each queue by state (all workers).",
      ["queue", "state"],
      () => Promise.all(queues.map(async (queue) => depthSamples(queue))).then((samples) => samples.flat()),
    ),
  );
  for (const [name, worker] of Object.entries(options.workers)) {
    worker.on("completed", (job: Job) => {
      processed.inc([name]);
      if (worker.name === options.auditQueue) batchSizes.observe(countEvents(job.data));
    });
    worker.on("failed", () => failed.inc([name]));
  }
  return { registry, close: async () => void (await Promise.all(queues.map((queue) => queue.close()))) };
}

async function depthSamples(queue: Queue) {
  const counts = await queue.getJobCounts(...COUNTED_STATES);
  return COUNTED_STATES.map((state) => ({ labels: [queue.name, state], value: counts[state] ?? 0 }));
}

function countEvents(data: unknown): number {
  const events = (data as { events?: unknown } | null)?.events;
  return Array.isArray(events) ? events.length : 0;
}
