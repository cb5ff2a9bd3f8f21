import { freePort } from "@gatehouse/testing/free-port";
import { startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { type ChildService, forkEntry } from "./child-service";
import { processEntry } from "./paths";

export type Upstreams = { echoUrl: string; everythingUrl: string; stop: () => Promise<void> };

/** Starts the in-repo echo upstream and server-everything (streamableHttp), each in its own process. */
export async function startUpstreams(): Promise<Upstreams> {
  const [echo, everything] = await Promise.all([
    forkEntry<{ url: string }>("echo upstream", processEntry("echo-upstream")),
    startEverythingServer(),
  ]);
  return {
    echoUrl: echo.ready.url,
    everythingUrl: everything.url,
    stop: async () => {
      await Promise.all([echo.service.stop(), everything.stop()]);
    },
  };
}

export type Baselines = { echoUrl: string; everythingUrl: string; services: ChildService[] };

/** Starts one mcp-proxy pass-through in front of each upstream. */
export async function startBaselines(upstreams: Upstreams): Promise<Baselines> {
  const start = async (name: string, upstreamUrl: string) =>
    forkEntry<{ url: string }>(name, processEntry("baseline-proxy"), [upstreamUrl, String(await freePort())]);
  const [echo, everything] = await Promise.all([
    start("mcp-proxy (echo)", upstreams.echoUrl),
    start("mcp-proxy (everything)", upstreams.everythingUrl),
  ]);
  return {
    echoUrl: echo.ready.url,
    everythingUrl: everything.ready.url,
    services: [echo.service, everything.service],
  };
}
