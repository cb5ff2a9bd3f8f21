import type { RunningServer } from "@gatehouse/testing/start-everything-server";
import { startHttpFront } from "./http-front";

/**
 * An HTTP front for an upstream MCP server that answers `tools/call` of one tool with an HTTP
 * error (as a failing load balancer would) and passes everything else through unchanged.
 */
export function startHttpFaultFront(
  target: string,
  fault: { tool: string; status: number },
): Promise<RunningServer> {
  return startHttpFront(target, (body, res) => {
    if (!callsTool(body, fault.tool)) return false;
    res.writeHead(fault.status, { "content-type": "text/plain" }).end("unavailable");
    return true;
  });
}

function callsTool(body: Buffer, tool: string): boolean {
  try {
    const message = JSON.parse(body.toString("utf8")) as { method?: string; params?: { name?: string } };
    return message.method === "tools/call" && message.params?.name === tool;
  } catch {
    return false;
  }
}
