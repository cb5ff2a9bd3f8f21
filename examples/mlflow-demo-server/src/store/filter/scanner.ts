import { MlflowError } from "../mlflow-error";

export type FilterEntity = "metric" | "param" | "tag" | "attribute";
export type Identifier = { entity: FilterEntity; key: string };

/** Entity prefixes MLflow accepts in search filters and order_by clauses. */
const ENTITY_ALIASES: Record<string, FilterEntity> = {
  metric: "metric",
  metrics: "metric",
  param: "param",
  params: "param",
  parameter: "param",
  parameters: "param",
  tag: "tag",
  tags: "tag",
  attribute: "attribute",
  attributes: "attribute",
  attr: "attribute",
  run: "attribute",
};

/** A cursor over a filter or order_by string; every read skips leading whitespace. */
export class Scanner {
  private pos = 0;

  constructor(readonly text: string) {}

  isAtEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  /** Consumes and returns the text matched by `pattern` at the cursor, or null. */
  read(pattern: RegExp): RegExpExecArray | null {
    this.skipSpace();
    const sticky = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}y`);
    sticky.lastIndex = this.pos;
    const match = sticky.exec(this.text);
    if (match) this.pos = sticky.lastIndex;
    return match;
  }

  peekChar(): string {
    return this.text.charAt(this.pos);
  }

  fail(what: string): never {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Invalid filter '${this.text}': ${what} at position ${this.pos}`,
    );
  }

  private skipSpace(): void {
    while (/\s/.test(this.text.charAt(this.pos))) this.pos++;
  }
}

/**
 * Reads `entity.key`, where key may be bare (`metrics.test.auc`), backquoted
 * (metrics.`trading/loss`) or double-quoted; a bare word without a prefix is an attribute.
 */
export function readIdentifier(scanner: Scanner): Identifier {
  const word = scanner.read(/[A-Za-z_][\w]*/)?.[0] ?? scanner.fail("expected an identifier");
  if (scanner.peekChar() !== ".") return { entity: "attribute", key: word };
  const entity = ENTITY_ALIASES[word.toLowerCase()];
  if (!entity) {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Invalid entity type '${word}'. Valid values are ['metric', 'parameter', 'tag', 'attribute']`,
    );
  }
  scanner.read(/\./);
  const quoted = scanner.read(/`([^`]+)`|"([^"]+)"/);
  if (quoted) return { entity, key: quoted[1] ?? quoted[2] ?? "" };
  const bare = scanner.read(/[\w.\-/:]+/) ?? scanner.fail("expected a key after the entity prefix");
  return { entity, key: bare[0] };
}
