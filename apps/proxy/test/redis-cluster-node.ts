import { eventually } from "@gatehouse/testing/eventually";
import { startRedisServer, type TestRedis } from "@gatehouse/testing/start-redis-server";
import { Redis } from "ioredis";

const ALL_SLOTS = ["0", "16383"] as const;

/**
 * A one-node Redis Cluster owning every slot. A plain client reaches every key, yet the server
 * enforces cluster rules: a script or MULTI whose keys lie in different slots fails with
 * CROSSSLOT, as it would on a managed cluster.
 */
export async function startRedisClusterNode(): Promise<TestRedis> {
  const redis = await startRedisServer({
    extraArgs: ["--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"],
  });
  const admin = new Redis(redis.url);
  try {
    await admin.call("CLUSTER", "ADDSLOTSRANGE", ...ALL_SLOTS);
    await eventually(async () => {
      const info = String(await admin.call("CLUSTER", "INFO"));
      if (!info.includes("cluster_state:ok")) throw new Error(`cluster not ready:\n${info}`);
    });
  } finally {
    admin.disconnect();
  }
  return redis;
}
