import fc from "fast-check";

/** The limits the fuzzed proxy runs with, so the generators can step over them. */
export const FUZZ_LIMITS = { maxDepth: 8, maxStringChars: 2000 };

/**
 * What a generated body should get: `valid` an answer, `invalid` a refusal, and `unknown`
 * (random structure) either, as long as it is well-formed and nothing refused is forwarded.
 */
export type Verdict = "valid" | "invalid" | "unknown";

/** One fuzz case: a body built around a unique number `n` (its ids and the marker its echo carries). */
export type FuzzCase = {
  build: (n: number) => string;
  verdict: Verdict;
  /** Sent in a 2025-03-26 session (batches allowed) rather than a 2025-06-18 one. */
  isLegacy: boolean;
  /** An MCP-Protocol-Version header to send instead of the session's. */
  protocolVersion?: string;
};

type Message = Record<string, unknown>;

/**
 * The text the echo calls of case `n` carry (a batch's members add their index); the upstream
 * must never see it when the case was refused.
 */
export const markerOf = (n: number) => `fuzz-marker-${n}-`;

type MakeMessage = (id: number, marker: string) => Message;

const echo: MakeMessage = (id, marker) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name: "echo", arguments: { message: marker } },
});

const validMessage = fc.constantFrom<MakeMessage>(
  echo,
  (id) => ({ jsonrpc: "2.0", id, method: "ping" }),
  (id) => ({ jsonrpc: "2.0", id: `req-${id}`, method: "tools/list", params: {} }),
);

const tooDeep = (depth: number): unknown => (depth === 0 ? {} : { nested: tooDeep(depth - 1) });

// Each of these makes any message invalid, whatever else it holds.
const invalidChange = fc.oneof(
  fc.anything().map((jsonrpc) => (m: Message) => ({ ...m, jsonrpc: jsonrpc === "2.0" ? "2" : jsonrpc })),
  fc
    .oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double().filter((id) => !Number.isSafeInteger(id)),
      fc.constant(2 ** 60),
      fc.object(),
      fc.array(fc.jsonValue()),
      fc.string({ minLength: 257, maxLength: 300 }),
    )
    .map((id) => (m: Message) => ({ ...m, id })),
  fc
    .oneof(fc.constant(""), fc.integer(), fc.boolean(), fc.constant(null), fc.object())
    .map((method) => (m: Message) => ({ ...m, method })),
  fc
    .oneof(fc.array(fc.jsonValue()), fc.string(), fc.integer(), fc.constant(null), fc.boolean())
    .map((params) => (m: Message) => ({ ...m, params })),
  fc
    .tuple(
      fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "result", "error")),
      fc.jsonValue(),
    )
    .filter(([key]) => !["jsonrpc", "id", "method", "params"].includes(key))
    .map(([key, value]) => (m: Message) => ({ ...m, [key]: value })),
  fc.constant((m: Message) => ({ ...m, params: { name: "echo", arguments: tooDeep(FUZZ_LIMITS.maxDepth) } })),
  fc
    .integer({ min: FUZZ_LIMITS.maxStringChars + 1, max: FUZZ_LIMITS.maxStringChars * 2 })
    .map((length) => (m: Message) => ({ ...m, params: { name: "x".repeat(length) } })),
);

// These may or may not leave a valid message.
const anyChange = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("jsonrpc", "id", "method", "params"),
      fc.option(fc.jsonValue(), { nil: undefined }),
    )
    .map(([key, value]) => (m: Message) => ({ ...m, [key]: value })),
  fc.jsonValue().map((args) => (m: Message) => ({ ...m, params: { name: "echo", arguments: args } })),
);

const single = (messages: fc.Arbitrary<(id: number, marker: string) => unknown>, verdict: Verdict) =>
  fc.record({
    build: messages.map((make) => (n: number) => JSON.stringify(make(n, markerOf(n)))),
    verdict: fc.constant(verdict),
    isLegacy: fc.boolean(),
  });

const invalidMessage = fc.tuple(validMessage, invalidChange).map(
  ([make, change]): MakeMessage =>
    (id, marker) =>
      change(make(id, marker)) as Message,
);

const batch = fc
  .tuple(
    fc.array(
      fc.oneof(
        validMessage.map((make) => ({ make, ok: true })),
        invalidMessage.map((make) => ({ make, ok: false })),
      ),
      {
        maxLength: 5,
      },
    ),
    fc.boolean(),
  )
  .map(
    ([members, isLegacy]): FuzzCase => ({
      build: (n) => JSON.stringify(members.map((member, i) => member.make(n * 10 + i, `${markerOf(n)}${i}`))),
      verdict: isLegacy && members.length > 0 && members.every((member) => member.ok) ? "valid" : "invalid",
      isLegacy,
    }),
  );

/** Malformed, adversarial and valid bodies, as single messages, batches and raw bytes. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  single(validMessage, "valid"),
  single(invalidMessage, "invalid"),
  single(
    fc.tuple(validMessage, anyChange).map(
      ([make, change]) =>
        (id: number, marker: string) =>
          change(make(id, marker)),
    ),
    "unknown",
  ),
  batch,
  fc.record({
    build: fc.nat().map((cut) => (n: number) => {
      const text = JSON.stringify(echo(n, markerOf(n)));
      return text.slice(0, cut % text.length);
    }),
    verdict: fc.constant<Verdict>("invalid"),
    isLegacy: fc.boolean(),
  }),
  fc.record({
    build: fc
      .oneof(
        fc.string(),
        fc.jsonValue().map((value) => JSON.stringify(value)),
      )
      .map((text) => () => text),
    verdict: fc.constant<Verdict>("unknown"),
    isLegacy: fc.boolean(),
  }),
  fc.record({
    build: fc.uint8Array({ maxLength: 200 }).map((bytes) => () => Buffer.from(bytes).toString("latin1")),
    verdict: fc.constant<Verdict>("unknown"),
    isLegacy: fc.boolean(),
  }),
  fc.record({
    build: fc.constant((n: number) => JSON.stringify(echo(n, markerOf(n)))),
    verdict: fc.constant<Verdict>("unknown"),
    isLegacy: fc.boolean(),
    protocolVersion: fc.stringMatching(/^[!-~]{1,40}$/),
  }),
);
