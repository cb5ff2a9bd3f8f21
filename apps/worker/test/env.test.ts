import { describe, expect, it } from "vitest";
import { loadWorkerEnv } from "../src/env";

const KEY = Buffer.alloc(32, 1).toString("base64");
const PREVIOUS = Buffer.alloc(32, 2).toString("base64");

describe("the worker's encryption keys", () => {
  it("reads previous keys as a decrypt-only list", () => {
    const env = loadWorkerEnv({
      GATEHOUSE_ENCRYPTION_KEY: KEY,
      GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: PREVIOUS,
    });
    expect(env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS).toEqual([PREVIOUS]);
    expect(loadWorkerEnv({ GATEHOUSE_ENCRYPTION_KEY: KEY }).GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS).toEqual([]);
  });

  it.each([
    [{}, /GATEHOUSE_ENCRYPTION_KEY: Set it to 32 random bytes/],
    [{ GATEHOUSE_ENCRYPTION_KEY: "c2hvcnQ=" }, /GATEHOUSE_ENCRYPTION_KEY: Use 32 random bytes/],
    [{ GATEHOUSE_ENCRYPTION_KEY: KEY, GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: KEY }, /It lists the current key/],
    [
      { GATEHOUSE_ENCRYPTION_KEY: KEY, GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: `${PREVIOUS},oops` },
      /GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: Key 2 is not 32 random bytes/,
    ],
  ])("refuses %o naming the variable", (source, message) => {
    expect(() => loadWorkerEnv(source)).toThrow(message);
  });
});
