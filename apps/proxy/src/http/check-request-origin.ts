import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { Refusal } from "./refuse-request";
import { JSON_RPC } from "./send-json-rpc-error";

/**
 * GATEHOUSE_PROXY_ALLOWED_ORIGINS: browser origins (scheme://host[:port]) whose pages may call
 * the proxy, comma-separated; none by default, since agents are not web pages.
 */
export const allowedOriginsField = z
  .string()
  .default("")
  .transform((value, context) => {
    const origins = value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const origin of origins) {
      if (URL.canParse(origin) && new URL(origin).origin === origin) continue;
      context.addIssue({
        code: "custom",
        message: `"${origin}" is not an origin: write scheme://host[:port] without a path, e.g. http://localhost:6274`,
      });
    }
    return new Set(origins);
  });

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Refuses a request sent by a web page from an origin the operator has not allowed. MCP's
 * transports require servers to validate Origin: without it, a page the agent's user visits
 * could reach a proxy on their machine or network through DNS rebinding. Agents that are not
 * browsers send no Origin and pass. A page on this machine addressing the proxy on this machine
 * passes too: a rebinding attack names the attacker's host, never a loopback one.
 */
export function checkRequestOrigin(req: IncomingMessage, allowed: ReadonlySet<string>): Refusal | undefined {
  const origin = req.headers.origin;
  if (origin === undefined || allowed.has(origin)) return undefined;
  if (isLoopback(hostnameOf(`http://${req.headers.host ?? ""}`)) && isLoopback(hostnameOf(origin))) {
    return undefined;
  }
  const message = `Forbidden: requests from web pages at ${origin.slice(0, 200)} are not allowed. An operator can allow a browser-based MCP client's origin with GATEHOUSE_PROXY_ALLOWED_ORIGINS.`;
  return { status: 403, code: JSON_RPC.invalidRequest, message, rule: "(origin not allowed)" };
}

function hostnameOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).hostname : undefined;
}

function isLoopback(hostname: string | undefined): boolean {
  return hostname !== undefined && LOOPBACK_NAMES.has(hostname);
}
