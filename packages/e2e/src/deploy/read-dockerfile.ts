import { readFileSync } from "node:fs";

/** One Dockerfile instruction: its keyword (upper case) and its arguments, continuations joined. */
export type Instruction = { keyword: string; args: string };

/** Reads a Dockerfile into instructions, skipping comments and the parser directive. */
export function readDockerfile(file: string): Instruction[] {
  const joined = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    .replaceAll(/\\\n/g, " ");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
}

/** The final stage's instructions: everything after the last FROM. */
export function finalStage(instructions: Instruction[]): Instruction[] {
  const last = instructions.map((i) => i.keyword).lastIndexOf("FROM");
  return instructions.slice(last);
}

/** The variables a stage's ENV instructions set (`ENV A=1 B=2` form). */
export function envOf(stage: Instruction[]): Record<string, string> {
  const pairs = stage
    .filter((i) => i.keyword === "ENV")
    .flatMap((i) => i.args.split(/\s+/).map((pair) => pair.split("=", 2) as [string, string]));
  return Object.fromEntries(pairs);
}
