import "server-only";
import { createLoginThrottle, type LoginThrottle } from "@gatehouse/core/auth/login-throttle";
import {
  createGrantChangeNotifier,
  type GrantChangeNotifier,
} from "@gatehouse/core/grants/grant-change-notifier";
import { createLogger, type Logger } from "@gatehouse/core/logging/create-logger";
import { createSecretBox, type SecretBox } from "@gatehouse/core/secrets/secret-box";
import { WEBHOOK_QUEUE, type WebhookJob } from "@gatehouse/core/webhooks/webhook-job";
import { createDb, type Db } from "@gatehouse/db/client";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { type Env, getEnv } from "@/env";

/** Everything a page or server action needs to call the domain layer. */
export type Services = {
  env: Env;
  db: Db;
  redis: Redis;
  secretBox: SecretBox;
  notifyGrantChange: GrantChangeNotifier;
  loginThrottle: LoginThrottle;
  /** The queue the worker delivers webhooks from; opened on first use, as most requests never need it. */
  webhookQueue: () => Queue<WebhookJob>;
  logger: Logger;
};

// Kept on globalThis so hot reloads in development reuse one pool instead of leaking connections.
const globalForServices = globalThis as typeof globalThis & { gatehouseWebServices?: Services };

/** The process's one set of services, created on first use. */
export function getServices(): Services {
  globalForServices.gatehouseWebServices ??= createServices(getEnv());
  return globalForServices.gatehouseWebServices;
}

/** Wires the services from a validated env; tests may call it with their own env. */
export function createServices(env: Env): Services {
  const logger = createLogger({ name: "gatehouse-web", level: env.LOG_LEVEL });
  // Fail a publish quickly when Redis is down rather than hanging the request that triggered it.
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  let webhookQueue: Queue<WebhookJob> | undefined;
  return {
    env,
    db: createDb(env.DATABASE_URL),
    redis,
    secretBox: createSecretBox(env.GATEHOUSE_ENCRYPTION_KEY, env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS),
    notifyGrantChange: createGrantChangeNotifier(redis),
    loginThrottle: createLoginThrottle({ redis, prefix: env.GATEHOUSE_QUEUE_PREFIX, logger }),
    webhookQueue: () => {
      webhookQueue ??= new Queue<WebhookJob>(WEBHOOK_QUEUE, {
        // Fail the "Send test" request quickly when Redis is down, as the publisher above does.
        connection: { url: env.REDIS_URL, maxRetriesPerRequest: 2 },
        prefix: env.GATEHOUSE_QUEUE_PREFIX,
      });
      return webhookQueue;
    },
    logger,
  };
}
