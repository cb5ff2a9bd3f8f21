import { Writable } from "node:stream";
import { createLogger } from "@gatehouse/core/logging/create-logger";
import { describe, expect, it } from "vitest";

/** A logger at debug level whose lines are collected as text. */
function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ name: "secret-logging-test", level: "debug", destination }), lines };
}

describe("the logger", () => {
  it.each([
    [
      "a request's credential headers",
      { req: { headers: { authorization: "Bearer S3CRET", cookie: "sid=S3CRET", "x-api-key": "S3CRET" } } },
    ],
    [
      "an upstream's header map",
      { upstream: { transport: "sse", url: "http://x", headers: { "X-Custom-Auth": "S3CRET" } } },
    ],
    ["an upstream's env map", { server: { upstream: { env: { API_TOKEN: "S3CRET" } } } }],
    ["a sealed column", { server: { id: "s1", headersEncrypted: "v2.abcd1234.S3CRET" } }],
    ["a webhook secret", { webhook: { secret: "whsec_S3CRET" } }],
    ["a token or password", { token: "gh_S3CRET", user: { password: "S3CRET" } }],
  ])("never prints %s", (_label, fields) => {
    const { logger, lines } = capturingLogger();
    logger.info(fields, "something happened");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("[redacted]");
    expect(lines[0]).not.toContain("S3CRET");
  });

  it("keeps what is not secret", () => {
    const { logger, lines } = capturingLogger();
    logger.info({ req: { method: "POST", headers: { "user-agent": "agent/1" } }, serverId: "s1" }, "call");
    expect(lines[0]).toContain("agent/1");
    expect(lines[0]).toContain('"serverId":"s1"');
  });
});
