import { describe, expect, it } from "vitest";
import type { CallFacts } from "../src/call-facts";
import { type Decision, evaluateCall } from "../src/evaluate-call";
import { factsFor, policyOf, SEED_POLICY } from "./policy-fixtures";

const NOW = new Date("2025-03-01T12:34:56.789Z");

type Expected = { effect: Decision["effect"]; rule: string; reason: string | null };

function summarise(decision: Decision): Expected {
  return { effect: decision.effect, rule: decision.rule, reason: decision.reason };
}

const allow = (rule: string): Expected => ({ effect: "allow", rule, reason: null });
const deny = (rule: string, reason: string): Expected => ({ effect: "deny", rule, reason });
const hold = (rule: string, reason: string): Expected => ({ effect: "require_approval", rule, reason });

const policy = (fields: Record<string, unknown>) => ({ version: "1", default: "deny", ...fields });
const prodCopy = { path: "args.dst_model_name", op: "regex", value: "^prod-" };
const bigAmount = { path: "args.amount", op: "gt", value: 1000 };
const tool = (name: string, extra: Partial<CallFacts> = {}) => factsFor({ name, ...extra });
const resource = (uri: string) => factsFor({ kind: "resource", name: uri, args: { uri } });
const prompt = (name: string, args: Record<string, unknown> = {}) => factsFor({ kind: "prompt", name, args });

// One row per field and per precedence rule in PRECEDENCE.md: the policy as written, the call,
// and the decision it must produce.
const ROWS: [string, unknown, CallFacts, Expected][] = [
  // Seed policy and default.
  [
    "the seed policy allows its tool",
    SEED_POLICY,
    tool("copy_model_version"),
    allow("/tools/copy_model_version"),
  ],
  [
    "the seed policy denies anything else by default",
    SEED_POLICY,
    tool("send_email"),
    deny("(default deny)", `Tool "send_email" is not allowed by this grant's policy (default: deny).`),
  ],
  [
    "default allow lets an unlisted tool through",
    policy({ default: "allow" }),
    tool("x"),
    allow("(default allow)"),
  ],
  [
    "a name differing only in case is not the listed tool",
    SEED_POLICY,
    tool("Copy_Model_Version"),
    deny(
      "(default deny)",
      `Tool "Copy_Model_Version" is not allowed by this grant's policy (default: deny).`,
    ),
  ],
  [
    "a prototype property name never selects an entry",
    SEED_POLICY,
    tool("constructor"),
    deny("(default deny)", `Tool "constructor" is not allowed by this grant's policy (default: deny).`),
  ],
  [
    "a tool really named constructor",
    policy({ tools: { constructor: {} } }),
    tool("constructor"),
    allow("/tools/constructor"),
  ],
  // Entry selection.
  [
    "an exact name beats a glob",
    policy({ tools: { "delete_*": { action: "deny" }, delete_draft: {} } }),
    tool("delete_draft"),
    allow("/tools/delete_draft"),
  ],
  [
    "a glob selects matching tools",
    policy({ tools: { "delete_*": { action: "deny", reason: "Deletes are done by people." } } }),
    tool("delete_model"),
    deny("/tools/delete_*", "Deletes are done by people."),
  ],
  [
    "the glob with more literal characters wins",
    policy({ tools: { "*": { action: "deny" }, "copy_*": {}, "c*": { action: "deny" } } }),
    tool("copy_model_version"),
    allow("/tools/copy_*"),
  ],
  [
    "equally specific globs: the first in the document wins",
    policy({ tools: { "a*": { action: "deny", reason: "first" }, "*b": {} } }),
    tool("ab"),
    deny("/tools/a*", "first"),
  ],
  [
    "equally specific globs in the other order",
    policy({ tools: { "*b": {}, "a*": { action: "deny" } } }),
    tool("ab"),
    allow("/tools/*b"),
  ],
  [
    "? matches exactly one character",
    policy({ tools: { "read_?": {} } }),
    tool("read_a"),
    allow("/tools/read_?"),
  ],
  [
    "? does not match two characters",
    policy({ tools: { "read_?": {} } }),
    tool("read_ab"),
    deny("(default deny)", `Tool "read_ab" is not allowed by this grant's policy (default: deny).`),
  ],
  [
    "a glob beats a category entry",
    policy({ tools: { "drop_*": {} }, categories: { destructive: { action: "deny" } } }),
    tool("drop_table", { category: "destructive" }),
    allow("/tools/drop_*"),
  ],
  [
    "a category entry beats the default",
    policy({ default: "allow", categories: { destructive: { action: "deny" } } }),
    tool("rm", { category: "destructive" }),
    deny("/categories/destructive", `Tool "rm" is denied by this grant's policy.`),
  ],
  [
    "a category entry can require approval",
    policy({ categories: { financial: { action: "require_approval" } } }),
    tool("pay", { category: "financial" }),
    hold("/categories/financial", `Calling tool "pay" requires approval.`),
  ],
  [
    "a tool without a known category falls to the default",
    policy({ default: "allow", categories: { destructive: { action: "deny" } } }),
    tool("rm"),
    allow("(default allow)"),
  ],
  [
    "an unknown category never selects an entry",
    policy({ default: "allow", categories: { destructive: { action: "deny" } } }),
    tool("rm", { category: "constructor" }),
    allow("(default allow)"),
  ],
  // hide comes first of all.
  [
    "hide beats an exact allow",
    policy({ hide: ["delete_*"], tools: { delete_model: {} } }),
    tool("delete_model"),
    deny("/hide/0", `Tool "delete_model" is hidden by this grant's policy.`),
  ],
  [
    "hide names the glob that matched",
    policy({ default: "allow", hide: ["drop_*", "delete_*"] }),
    tool("delete_model"),
    deny("/hide/1", `Tool "delete_model" is hidden by this grant's policy.`),
  ],
  [
    "hide applies to tools only",
    policy({ default: "allow", hide: ["*"] }),
    resource("file:///a.txt"),
    allow("(default allow)"),
  ],
  // Within an entry.
  [
    "action deny without a reason uses the standard text",
    policy({ tools: { drop_table: { action: "deny" } } }),
    tool("drop_table"),
    deny("/tools/drop_table", `Tool "drop_table" is denied by this grant's policy.`),
  ],
  [
    "a matching deny_if item denies with its on_deny",
    policy({
      tools: {
        copy_model_version: { deny_if: [{ conditions: [prodCopy], on_deny: "Prod needs a human." }] },
      },
    }),
    tool("copy_model_version", { args: { dst_model_name: "prod-llm" } }),
    deny("/tools/copy_model_version/deny_if/0", "Prod needs a human."),
  ],
  [
    "a deny_if item that does not match allows",
    policy({ tools: { copy_model_version: { deny_if: [{ conditions: [prodCopy] }] } } }),
    tool("copy_model_version", { args: { dst_model_name: "staging-llm" } }),
    allow("/tools/copy_model_version"),
  ],
  [
    "any deny_if item can trigger; without on_deny the standard text is used",
    policy({ tools: { t: { deny_if: [{ conditions: [prodCopy] }, { conditions: [bigAmount] }] } } }),
    tool("t", { args: { amount: 5000 } }),
    deny("/tools/t/deny_if/1", `Tool "t" is denied by this grant's policy for these arguments.`),
  ],
  [
    "all conditions of an item must match",
    policy({ tools: { t: { deny_if: [{ conditions: [prodCopy, bigAmount] }] } } }),
    tool("t", { args: { dst_model_name: "prod-x", amount: 5 } }),
    allow("/tools/t"),
  ],
  [
    "deny_if beats action require_approval",
    policy({
      tools: {
        t: { action: "require_approval", deny_if: [{ conditions: [bigAmount], on_deny: "Too big." }] },
      },
    }),
    tool("t", { args: { amount: 5000 } }),
    deny("/tools/t/deny_if/0", "Too big."),
  ],
  [
    "deny_if beats approve_if",
    policy({
      tools: { t: { deny_if: [{ conditions: [bigAmount] }], approve_if: [{ conditions: [bigAmount] }] } },
    }),
    tool("t", { args: { amount: 5000 } }),
    deny("/tools/t/deny_if/0", `Tool "t" is denied by this grant's policy for these arguments.`),
  ],
  [
    "action require_approval holds with the entry's reason",
    policy({ tools: { t: { action: "require_approval", reason: "A person signs off payments." } } }),
    tool("t"),
    hold("/tools/t", "A person signs off payments."),
  ],
  [
    "a matching approve_if item holds with its reason",
    policy({
      tools: { t: { reason: "entry", approve_if: [{ conditions: [bigAmount], reason: "Over 1000." }] } },
    }),
    tool("t", { args: { amount: 1001 } }),
    hold("/tools/t/approve_if/0", "Over 1000."),
  ],
  [
    "approve_if without a reason falls back to the entry's reason",
    policy({
      tools: {
        t: { reason: "Ask first.", approve_if: [{ conditions: [prodCopy] }, { conditions: [bigAmount] }] },
      },
    }),
    tool("t", { args: { amount: 1001 } }),
    hold("/tools/t/approve_if/1", "Ask first."),
  ],
  [
    "approve_if without any reason uses the standard text",
    policy({ tools: { t: { approve_if: [{ conditions: [bigAmount] }] } } }),
    tool("t", { args: { amount: 1001 } }),
    hold("/tools/t/approve_if/0", `Calling tool "t" requires approval.`),
  ],
  [
    "an approve_if item that does not match allows",
    policy({ tools: { t: { approve_if: [{ conditions: [bigAmount] }] } } }),
    tool("t", { args: { amount: 10 } }),
    allow("/tools/t"),
  ],
  [
    "conditions can read facts about the call",
    policy({
      default: "allow",
      tools: {
        "*": {
          deny_if: [
            {
              conditions: [
                { path: "grant.name", op: "eq", value: "ci-bot" },
                { path: "session", op: "exists", value: true },
                { path: "tool", op: "regex", value: "^send_" },
              ],
              on_deny: "CI may not send.",
            },
          ],
        },
      },
    }),
    tool("send_email"),
    deny("/tools/*/deny_if/0", "CI may not send."),
  ],
  [
    "a call without a session has no session fact",
    policy({
      tools: { t: { approve_if: [{ conditions: [{ path: "session.id", op: "exists", value: false }] }] } },
    }),
    tool("t", { session: { id: null } }),
    hold("/tools/t/approve_if/0", `Calling tool "t" requires approval.`),
  ],
  [
    "a bad increment_from argument denies at the limit's pointer",
    policy({
      tools: {
        t: { limits: [{ counter: "spend", window: "day", max: 100, increment_from: "args.amount" }] },
      },
    }),
    tool("t", { args: { amount: "12" } }),
    deny(
      "/tools/t/limits/0",
      `Tool "t" cannot be counted against limit "spend": args.amount is not a finite number (it must be a non-negative number).`,
    ),
  ],
  [
    "a bad increment_from argument denies even a held call",
    policy({
      tools: {
        t: {
          action: "require_approval",
          limits: [{ counter: "spend", window: "day", max: 100, increment_from: "args.amount" }],
        },
      },
    }),
    tool("t"),
    deny(
      "/tools/t/limits/0",
      `Tool "t" cannot be counted against limit "spend": args.amount is missing (it must be a non-negative number).`,
    ),
  ],
  [
    "a bad increment_from in all_tools denies a default-allowed call",
    policy({
      default: "allow",
      all_tools: { limits: [{ counter: "units", window: "hour", max: 10, increment_from: "args.units" }] },
    }),
    tool("x", { args: { units: -1 } }),
    deny(
      "/all_tools/limits/0",
      `Tool "x" cannot be counted against limit "units": args.units is negative (it must be a non-negative number).`,
    ),
  ],
  // Resources and prompts.
  [
    "a resource glob denies",
    policy({ default: "allow", resources: { "file:///secrets/*": { action: "deny" } } }),
    resource("file:///secrets/key.pem"),
    deny(
      "/resources/file:~1~1~1secrets~1*",
      `Resource "file:///secrets/key.pem" is denied by this grant's policy.`,
    ),
  ],
  [
    "an unlisted resource under default deny",
    policy({ resources: { "file:///public/*": {} } }),
    resource("file:///etc/passwd"),
    deny(
      "(default deny)",
      `Resource "file:///etc/passwd" is not allowed by this grant's policy (default: deny).`,
    ),
  ],
  [
    "resource conditions see args.uri",
    policy({
      resources: {
        "file:///*": { deny_if: [{ conditions: [{ path: "args.uri", op: "regex", value: "\\.pem$" }] }] },
      },
    }),
    resource("file:///home/key.pem"),
    deny(
      "/resources/file:~1~1~1*/deny_if/0",
      `Resource "file:///home/key.pem" is denied by this grant's policy for these arguments.`,
    ),
  ],
  [
    "a resource can require approval",
    policy({ resources: { "db://*": { action: "require_approval" } } }),
    resource("db://orders"),
    hold("/resources/db:~1~1*", `Reading resource "db://orders" requires approval.`),
  ],
  [
    "resources never use category entries",
    policy({ default: "allow", categories: { read: { action: "deny" } } }),
    factsFor({ kind: "resource", name: "file:///a", args: { uri: "file:///a" }, category: "read" }),
    allow("(default allow)"),
  ],
  [
    "a listed prompt is allowed",
    policy({ prompts: { summarise: {} } }),
    prompt("summarise"),
    allow("/prompts/summarise"),
  ],
  [
    "a prompt is not selected by a tool entry of the same name",
    policy({ tools: { summarise: {} } }),
    prompt("summarise"),
    deny("(default deny)", `Prompt "summarise" is not allowed by this grant's policy (default: deny).`),
  ],
  [
    "prompt conditions see the prompt arguments",
    policy({
      prompts: {
        "*": { approve_if: [{ conditions: [{ path: "args.language", op: "not_in", value: ["en", "fr"] }] }] },
      },
    }),
    prompt("translate", { language: "de" }),
    hold("/prompts/*/approve_if/0", `Getting prompt "translate" requires approval.`),
  ],
];

describe("evaluateCall", () => {
  it.each(ROWS)("%s", (_name, input, facts, expected) => {
    const decision = evaluateCall(policyOf(input), facts, NOW);
    expect(summarise(decision)).toEqual(expected);
    expect(decision.mode).toBe("enforce");
  });

  it("returns mode shadow with the same decision when the policy is in shadow mode", () => {
    const input = policy({ mode: "shadow", tools: { t: { action: "deny", reason: "No." } } });
    expect(evaluateCall(policyOf(input), tool("t"), NOW)).toEqual({
      effect: "deny",
      rule: "/tools/t",
      reason: "No.",
      mode: "shadow",
    });
  });
});
