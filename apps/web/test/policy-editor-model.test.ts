import { parsePolicyText } from "@gatehouse/policy/parse-policy";
import { describe, expect, it } from "vitest";
import { showValue, toJsonOrText, toNumberOrText } from "@/components/policies/editor/field-values";
import { readDraft } from "@/components/policies/editor/policy-draft";
import {
  type CatalogueTool,
  chooseToolRule,
  classifyEntry,
  listToolRows,
  type ToolChoice,
} from "@/components/policies/editor/tool-rules";
import { formatPolicyDocument } from "@/lib/policy-json";

const catalogue: CatalogueTool[] = ["echo", "get-sum", "get-env"].map((name) => ({
  name,
  description: null,
  category: null,
  argumentNames: [],
}));
const base = { version: "1", default: "deny", tools: {} };

describe("classifyEntry", () => {
  it.each<[unknown, ToolChoice]>([
    [{ action: "allow" }, "allow"],
    [{}, "allow"],
    [{ action: "deny" }, "deny"],
    [{ action: "deny", reason: "No." }, "deny"],
    [{ action: "require_approval", reason: "Ask." }, "require_approval"],
    [{ action: "allow", reason: "odd" }, "custom"],
    [{ action: "allow", limits: [] }, "custom"],
    [{ deny_if: [{ conditions: [{ path: "args.a", op: "eq", value: 1 }] }] }, "custom"],
    ["not an object", "custom"],
  ])("%j is %s", (entry, choice) => {
    expect(classifyEntry(entry)).toBe(choice);
  });
});

describe("chooseToolRule", () => {
  it("writes each choice as the document shape it stands for, and every result validates", () => {
    let document: Record<string, unknown> = base;
    document = chooseToolRule(document, "echo", "allow");
    document = chooseToolRule(document, "get-sum", "deny");
    document = chooseToolRule(document, "get-env", "hide");
    expect(document).toEqual({
      ...base,
      hide: ["get-env"],
      tools: { echo: { action: "allow" }, "get-sum": { action: "deny" } },
    });
    expect(parsePolicyText(formatPolicyDocument(document)).ok).toBe(true);
    expect(listToolRows(document, catalogue).map((row) => row.choice)).toEqual(["allow", "deny", "hide"]);
  });

  it("keeps a deny reason through require approval, and limits through custom", () => {
    const denied = { ...base, tools: { echo: { action: "deny", reason: "Later." } } };
    expect(chooseToolRule(denied, "echo", "require_approval").tools).toEqual({
      echo: { action: "require_approval", reason: "Later." },
    });
    const limited = {
      ...base,
      tools: { echo: { action: "allow", limits: [{ counter: "c", window: "minute", max: 1 }] } },
    };
    const custom = chooseToolRule(limited, "echo", "custom");
    expect(custom.tools).toEqual(limited.tools);
  });

  it("un-hides and removes entries for Default, keeping other tools in place", () => {
    const document = { ...base, hide: ["echo"], tools: { a: { action: "allow" }, b: { action: "allow" } } };
    expect(chooseToolRule(document, "echo", "default")).toEqual({ ...base, tools: document.tools });
    expect(Object.keys(chooseToolRule(document, "a", "deny").tools as object)).toEqual(["a", "b"]);
  });
});

describe("listToolRows", () => {
  it("adds names and globs from the document after the catalogue, and notes hide globs", () => {
    const document = { ...base, hide: ["get-*"], tools: { "debug_*": { action: "deny" } } };
    const rows = listToolRows(document, catalogue);
    expect(rows.map((row) => [row.name, row.choice, row.isGlob, row.tool !== undefined])).toEqual([
      ["echo", "default", false, true],
      ["get-sum", "default", false, true],
      ["get-env", "default", false, true],
      ["debug_*", "deny", true, false],
      ["get-*", "hide", true, false],
    ]);
    expect(rows[1]?.hiddenBy).toBe("get-*");
  });
});

describe("readDraft", () => {
  it.each([
    ['{"version": "1", ', /cannot be read/],
    ["[]", /must be a JSON object/],
    ['{"tools": []}', /"tools" must be an object/],
    ['{"hide": "echo"}', /"hide" must be a list/],
  ])("refuses %s for the visual editor", (text, message) => {
    const reading = readDraft(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(message);
  });

  it("accepts a document with other problems, which validation reports on save", () => {
    expect(readDraft('{"version": "2", "default": "maybe"}').ok).toBe(true);
  });
});

describe("formatPolicyDocument", () => {
  it("puts keys in the documented order, as Postgres JSON does not keep it", () => {
    const stored = {
      tools: {
        b: { reason: "r", action: "deny" },
        a: { limits: [{ max: 1, scope: "grant", counter: "c", window: 60 }] },
      },
      default: "deny",
      version: "1",
    };
    expect(formatPolicyDocument(stored)).toBe(
      JSON.stringify(
        {
          version: "1",
          default: "deny",
          tools: {
            b: { action: "deny", reason: "r" },
            a: { limits: [{ counter: "c", window: 60, max: 1, scope: "grant" }] },
          },
        },
        null,
        2,
      ),
    );
  });
});

describe("field values", () => {
  it.each([["abc"], ["12"], [""], ['"quoted"'], [12], [true], [["a", 1]], [null]])(
    "%j survives showValue then toJsonOrText",
    (value) => {
      expect(toJsonOrText(showValue(value))).toEqual(value);
    },
  );

  it("reads whole numbers as numbers and leaves anything else as text", () => {
    expect([
      toNumberOrText("30"),
      toNumberOrText(" 5 "),
      toNumberOrText("minute"),
      toNumberOrText(""),
    ]).toEqual([30, 5, "minute", ""]);
  });
});
