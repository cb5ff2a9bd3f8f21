import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadProxyEnv } from "../../../apps/proxy/src/env";
import { parseEnv as parseWebEnv } from "../../../apps/web/src/env";
import { loadWorkerEnv } from "../../../apps/worker/src/env";
import { type ComposeService, interpolate, readCompose } from "../src/deploy/read-compose";
import { envOf, finalStage, readDockerfile } from "../src/deploy/read-dockerfile";

// Docker is not available where the tests run, so the images are checked statically: what
// they copy exists, what they run is what `turbo run build` makes, their ports and health
// checks are the apps' own, and the compose file gives each app every variable it requires.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SECRETS = {
  NEXTAUTH_SECRET: "n".repeat(44),
  GATEHOUSE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

type App = {
  name: string;
  services: string[];
  healthPath: string;
  /** Validates the environment the container gets; returns the port the app listens on. */
  listenPort: (env: Record<string, string>) => number;
};

const APPS: App[] = [
  {
    name: "proxy",
    services: ["proxy-1", "proxy-2"],
    healthPath: "/healthz",
    listenPort: (env) => loadProxyEnv(env).PROXY_PORT,
  },
  {
    name: "worker",
    services: ["worker"],
    healthPath: "/healthz",
    listenPort: (env) => loadWorkerEnv(env).WORKER_HEALTH_PORT ?? Number.NaN,
  },
  {
    name: "web",
    services: ["web"],
    healthPath: "/api/health",
    listenPort: (env) => {
      parseWebEnv(env);
      return Number(env.PORT);
    },
  },
];

const compose = readCompose(path.join(ROOT, "docker-compose.yml"));

function containerEnv(app: App, service: ComposeService): Record<string, string> {
  const stage = finalStage(readDockerfile(path.join(ROOT, "apps", app.name, "Dockerfile")));
  const fromCompose = Object.entries(service.environment ?? {}).map(([name, value]) => [
    name,
    interpolate(String(value), SECRETS),
  ]);
  return { ...envOf(stage), ...Object.fromEntries(fromCompose) };
}

describe.each(APPS)("the $name image", (app) => {
  const dockerfile = path.join(ROOT, "apps", app.name, "Dockerfile");
  const instructions = readDockerfile(dockerfile);
  const stage = finalStage(instructions);
  const args = (keyword: string) => stage.filter((i) => i.keyword === keyword).map((i) => i.args);

  it("builds on node:20-slim and copies only what exists", () => {
    expect(
      instructions.filter((i) => i.keyword === "FROM").every((i) => i.args.startsWith("node:20-slim")),
    ).toBe(true);
    for (const copy of instructions.filter((i) => i.keyword === "COPY" && !i.args.includes("--from"))) {
      const sources = copy.args
        .split(/\s+/)
        .filter((word) => !word.startsWith("--"))
        .slice(0, -1);
      for (const source of sources) expect(existsSync(path.join(ROOT, source)), source).toBe(true);
    }
  });

  it("runs, as a user other than root, a file the build makes", () => {
    expect(args("USER")).toEqual(["node"]);
    const command = JSON.parse(args("CMD").at(-1) ?? "[]") as string[];
    expect(command[0]).toBe("node");
    const files = command.filter((word) => word.includes("/") && !word.startsWith("-"));
    for (const file of files) expect(existsSync(path.join(ROOT, file)), `${file} (build first)`).toBe(true);
  });

  it("exposes the port the app listens on and checks its health there", () => {
    const port = app.listenPort({ ...containerEnv(app, {}), ...SECRETS, NODE_ENV: "production" });
    expect(args("EXPOSE")).toEqual([String(port)]);
    expect(args("HEALTHCHECK").join(" ")).toContain(app.healthPath);
  });

  it.each(app.services)("gets every variable it requires from compose service %s", (name) => {
    const service = compose.services[name];
    expect(service?.profiles).toEqual(["production"]);
    expect(() => app.listenPort(containerEnv(app, service ?? {}))).not.toThrow();
  });
});

describe("docker-compose.yml", () => {
  it("refuses to start production without the generated secrets", () => {
    const web = compose.services.web ?? {};
    expect(() => interpolate(web.environment?.NEXTAUTH_SECRET ?? "", {})).toThrow(
      /NEXTAUTH_SECRET is required/,
    );
    expect(() => interpolate(web.environment?.GATEHOUSE_ENCRYPTION_KEY ?? "", {})).toThrow(
      /GATEHOUSE_ENCRYPTION_KEY is required/,
    );
  });

  it("balances over every proxy service at the port the proxy image exposes", () => {
    const balancer = interpolate(compose.configs["balancer-conf"]?.content ?? "", {});
    for (const proxy of APPS[0]?.services ?? []) expect(balancer).toContain(`server ${proxy}:4000;`);
    expect(balancer).toContain("hash $http_mcp_session_id;");
  });

  it("keeps dependencies and build output out of the build context", () => {
    const ignored = readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["**/node_modules", "**/.next", "**/dist", ".env"]));
  });
});
