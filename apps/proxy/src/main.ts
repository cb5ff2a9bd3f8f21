import { createProxy } from "./create-proxy";
import { loadProxyEnv } from "./env";

const env = loadProxyEnv();
const proxy = await createProxy(env);
proxy.httpServer.listen(env.PROXY_PORT, env.PROXY_HOST, () => {
  proxy.logger.info(
    { url: `http://${env.PROXY_HOST}:${env.PROXY_PORT}`, allowStdio: env.GATEHOUSE_ALLOW_STDIO },
    "Gatehouse proxy listening",
  );
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    proxy.logger.info({ signal }, "shutting down");
    proxy.close().then(
      () => process.exit(0),
      (error: unknown) => {
        proxy.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
