import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** A compose service as the deploy-files test reads it. */
export type ComposeService = {
  image?: string;
  profiles?: string[];
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
};

/** A compose file's services and configs; YAML merge keys (`<<: *anchor`) resolved. */
export function readCompose(file: string): {
  services: Record<string, ComposeService>;
  configs: Record<string, { content?: string }>;
} {
  return parse(readFileSync(file, "utf8"), { merge: true });
}

/**
 * Compose's interpolation of one value, as `docker compose` does it with `.env` holding
 * `given`: `${VAR:?message}` must be given, `${VAR:-default}` falls back, `$$` is a literal `$`.
 */
export function interpolate(value: string, given: Record<string, string>): string {
  return value
    .replaceAll(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest = "") => {
      const found = given[name];
      if (found !== undefined && found !== "") return found;
      if (kind === "?") throw new Error(`${name} is required: ${rest}`);
      return kind === "-" ? rest : "";
    })
    .replaceAll("$$", "$");
}
