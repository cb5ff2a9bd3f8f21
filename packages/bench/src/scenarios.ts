import type { Operation } from "./load/protocol";
import type { SeededGrants } from "./services/seed-grants";

export type Path = "direct" | "gatehouse" | "mcp-proxy";

/** One row group of the table: what is called, through which path, compared with which direct row. */
export type Scenario = {
  id: string;
  upstream: "echo" | "everything";
  path: Path;
  label: string;
  url: string;
  operation: Operation;
  /** The direct scenario this one's added latency and throughput ratio are measured against. */
  directId?: string;
};

export const CONCURRENCIES = [1, 16, 64] as const;

const echoCall = (expect: "ok" | "denied"): Operation => ({
  kind: "call",
  tool: "echo",
  args: { message: "hello from gatehouse-bench" },
  expect,
});
const LIST: Operation = { kind: "list" };

/** Every scenario the default run measures, each at every concurrency. */
export function listScenarios(urls: {
  echo: string;
  everything: string;
  baselineEcho: string;
  baselineEverything: string;
  grants: SeededGrants;
}): Scenario[] {
  const { grants } = urls;
  const echo = (
    path: Path,
    label: string,
    url: string,
    operation: Operation,
    directId?: string,
  ): Scenario => ({
    id: `echo ${path} ${label}`,
    upstream: "echo",
    path,
    label,
    url,
    operation,
    ...(directId ? { directId } : {}),
  });
  const directCall = "echo direct call";
  const directList = "echo direct tools/list";
  const everythingDirect = "everything direct call";
  return [
    echo("direct", "call", urls.echo, echoCall("ok")),
    echo("gatehouse", "call, allowed (no limits)", grants.echo.allowAll, echoCall("ok"), directCall),
    echo(
      "gatehouse",
      "call, rate-limited (never trips)",
      grants.echo.rateLimited,
      echoCall("ok"),
      directCall,
    ),
    echo("gatehouse", "call, denied", grants.echo.deniedEcho, echoCall("denied"), directCall),
    echo("mcp-proxy", "call", urls.baselineEcho, echoCall("ok"), directCall),
    echo("direct", "tools/list", urls.echo, LIST),
    echo("gatehouse", "tools/list", grants.echo.allowAll, LIST, directList),
    echo("mcp-proxy", "tools/list", urls.baselineEcho, LIST, directList),
    {
      id: everythingDirect,
      upstream: "everything",
      path: "direct",
      label: "call",
      url: urls.everything,
      operation: echoCall("ok"),
    },
    {
      id: "everything gatehouse call",
      upstream: "everything",
      path: "gatehouse",
      label: "call, allowed (no limits)",
      url: grants.everything.allowAll,
      operation: echoCall("ok"),
      directId: everythingDirect,
    },
    {
      id: "everything mcp-proxy call",
      upstream: "everything",
      path: "mcp-proxy",
      label: "call",
      url: urls.baselineEverything,
      operation: echoCall("ok"),
      directId: everythingDirect,
    },
  ];
}
