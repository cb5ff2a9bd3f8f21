import { startTestUpstream, type TestUpstream } from "@gatehouse/testing/start-test-upstream";
import { afterAll, beforeAll } from "vitest";
import { proxyUrl, type useTestbed } from "./proxy-harness";

/** A test upstream, an allow-all grant on it, and that grant's proxy URL: where raw messages are sent. */
export type AllowAllTarget = { upstream: TestUpstream; url: string; grantId: string };

/** Registers hooks that give a test file an AllowAllTarget on the testbed's first proxy, its grant named `name`. */
export function useAllowAllTarget(bed: ReturnType<typeof useTestbed>, name: string): AllowAllTarget {
  let target: AllowAllTarget | undefined;
  beforeAll(async () => {
    const upstream = await startTestUpstream();
    const serverId = await bed.harness.registerServer(upstream.url);
    const grant = await bed.harness.grant({ version: "1", default: "allow" }, name, serverId);
    target = { upstream, url: proxyUrl(bed.proxy, grant.token), grantId: grant.grantId };
  });
  afterAll(() => target?.upstream.stop());
  const current = (): AllowAllTarget => {
    if (!target) throw new Error("The target is used before beforeAll ran.");
    return target;
  };
  return {
    get upstream() {
      return current().upstream;
    },
    get url() {
      return current().url;
    },
    get grantId() {
      return current().grantId;
    },
  };
}
