import { REDACTED } from "@gatehouse/policy/redact-arguments";
import { describe, expect, it } from "vitest";
import { connectAgent, eventually, proxyUrl, useTestbed } from "./proxy-harness";

const bed = useTestbed(1);

const SECRET_KEY = "sk-proj-Zq3v8TnWk2LmP9xR4sYb";
const ARGUMENTS = { message: `deploy with ${SECRET_KEY} now`, api_key: "plain-looking", count: 3 };

/** Calls echo with ARGUMENTS under a policy with this log_arguments, and returns the stored call. */
async function storedCall(logArguments?: string) {
  const policy = { version: "1", default: "allow", ...(logArguments ? { log_arguments: logArguments } : {}) };
  const { token, grantId } = await bed.harness.grant(policy);
  const agent = await connectAgent(proxyUrl(bed.proxy, token));
  await agent.callTool({ name: "echo", arguments: ARGUMENTS });
  await agent.close();
  await bed.proxy.deps.audit.drain();
  return eventually(() =>
    bed.harness.db.auditEvent.findFirstOrThrow({ where: { grantId, method: "tools/call" } }),
  );
}

describe("log_arguments", () => {
  it("stores argument names only by default", async () => {
    const row = await storedCall();
    expect(row.argumentKeys).toEqual(["message", "api_key", "count"]);
    expect(row.arguments).toBeNull();
    expect(JSON.stringify(row)).not.toContain("deploy with");
  });

  it("stores names only with keys", async () => {
    expect((await storedCall("keys")).arguments).toBeNull();
  });

  it("stores values with secrets masked with redacted", async () => {
    const row = await storedCall("redacted");
    expect(row.arguments).toEqual({ message: `deploy with ${REDACTED} now`, api_key: REDACTED, count: 3 });
    expect(JSON.stringify(row)).not.toContain(SECRET_KEY);
    expect(JSON.stringify(row)).not.toContain("plain-looking");
  });

  it("stores the values as sent with full", async () => {
    expect((await storedCall("full")).arguments).toEqual(ARGUMENTS);
  });
});
