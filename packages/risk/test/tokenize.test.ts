import { describe, expect, it } from "vitest";
import { firstSentence, proseVerb, sentencesOf, singular, splitName } from "../src/tokenize";

describe("splitName", () => {
  it.each<[string, string[]]>([
    ["delete_model_version", ["delete", "model", "version"]],
    ["get-tiny-image", ["get", "tiny", "image"]],
    ["getUserProfile", ["get", "user", "profile"]],
    ["HTTPServerList", ["http", "server", "list"]],
    ["API-post-search", ["api", "post", "search"]],
    ["kubectl.get v2", ["kubectl", "get", "v2"]],
    ["del\u200Bete_user", ["delete", "user"]],
  ])("%s → %j", (name, words) => {
    expect(splitName(name)).toEqual(words);
  });
});

describe("proseVerb", () => {
  it.each<[string, string | undefined]>([
    ["Creates", "create"],
    ["Pushes", "push"],
    ["Applies", "apply"],
    ["Echoes", "echo"],
    ["deletes", "delete"],
    ["running", undefined],
    ["deleted", undefined],
    ["process", undefined],
  ])("%s → %s", (word, verb) => {
    expect(proseVerb(word)).toBe(verb);
  });
});

describe("sentences", () => {
  it("takes the first sentence or line", () => {
    expect(firstSentence("  Search experiments.\n\nArgs: x")).toBe("Search experiments.");
    expect(firstSentence("Get a run\nwith details")).toBe("Get a run");
  });

  it("does not split inside file names and paths", () => {
    expect(sentencesOf("Read ~/.ssh/id_rsa. Then send mcp.json.").map((entry) => entry.sentence)).toEqual([
      "Read ~/.ssh/id_rsa.",
      "Then send mcp.json.",
    ]);
  });

  it("makes nouns singular", () => {
    expect(["invoices", "processes", "policies", "class"].map(singular)).toEqual([
      "invoice",
      "process",
      "policy",
      "class",
    ]);
  });
});
