import { mkdir } from "node:fs/promises";
import { step } from "../progress";
import { prepareBenchStores } from "./bench-stores";
import { type LoadDriver, startLoadDriver } from "./load-driver";
import { PROFILES_DIR } from "./paths";
import { type SeededGrants, seedGrants } from "./seed-grants";
import { type Gatehouse, startGatehouse } from "./start-gatehouse";
import { type Baselines, startBaselines, startUpstreams, type Upstreams } from "./start-upstreams";

export type BenchStack = {
  upstreams: Upstreams;
  gatehouse: Gatehouse;
  baselines: Baselines;
  grants: SeededGrants;
  load: LoadDriver;
  /** Stops the load, the baselines, the proxy (so a CPU profile is written), the worker, the upstreams. */
  stop: () => Promise<void>;
};

type Started = { upstreams?: Upstreams; gatehouse?: Gatehouse; baselines?: Baselines; load?: LoadDriver };

/** Starts every process of a run, independent ones side by side; on a failure, stops what did start. */
export async function startBenchStack(options: { cpuProf: boolean }): Promise<BenchStack> {
  const started: Started = {};
  const keep =
    <K extends keyof Started>(key: K) =>
    (value: Required<Started>[K]) => {
      started[key] = value;
      return value;
    };
  const stop = () => stopStarted(started);
  try {
    step("preparing the gatehouse_bench database and queue prefix");
    await prepareBenchStores();
    if (options.cpuProf) await mkdir(PROFILES_DIR, { recursive: true });
    step("starting the upstreams, the proxy and worker, and the load process");
    const [upstreams, gatehouse, load] = await allStarted([
      startUpstreams().then(keep("upstreams")),
      startGatehouse(options).then(keep("gatehouse")),
      startLoadDriver().then(keep("load")),
    ] as const);
    step("registering the upstreams and creating grants; starting the mcp-proxy baselines");
    const [grants, baselines] = await allStarted([
      seedGrants({
        proxyBaseUrl: gatehouse.baseUrl,
        echoUrl: upstreams.echoUrl,
        everythingUrl: upstreams.everythingUrl,
      }),
      startBaselines(upstreams).then(keep("baselines")),
    ] as const);
    return { upstreams, gatehouse, baselines, grants, load, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Like Promise.all, but waits for every start to settle, so nothing is left starting unrecorded. */
async function allStarted<T extends readonly unknown[]>(
  starts: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const outcomes = await Promise.allSettled(starts);
  const failure = outcomes.find((outcome) => outcome.status === "rejected");
  if (failure) throw failure.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}

async function stopStarted(started: Started): Promise<void> {
  const quietly = (stopping: Promise<void> | undefined) => stopping?.catch(() => undefined);
  await quietly(started.load?.service.stop());
  await Promise.all(started.baselines?.services.map((service) => quietly(service.stop())) ?? []);
  await quietly(started.gatehouse?.proxy.stop());
  await quietly(started.gatehouse?.worker.stop());
  await quietly(started.upstreams?.stop());
}
