import { MlflowError } from "../mlflow-error";
import { type Identifier, readIdentifier, Scanner } from "./scanner";

export type Comparator = "=" | "!=" | "<" | "<=" | ">" | ">=" | "LIKE" | "ILIKE" | "IN" | "NOT IN";
export type FilterValue = string | number | string[];
export type FilterClause = Identifier & { comparator: Comparator; value: FilterValue };

const NUMERIC_COMPARATORS: readonly Comparator[] = ["=", "!=", "<", "<=", ">", ">="];
const STRING_COMPARATORS: readonly Comparator[] = ["=", "!=", "LIKE", "ILIKE", "IN", "NOT IN"];

/**
 * Parses MLflow's search filter syntax: clauses `entity.key <comparator> <value>` joined by AND
 * (OR is not supported by MLflow either). An empty or missing filter matches everything.
 */
export function parseFilter(filter: string | null | undefined): FilterClause[] {
  if (!filter?.trim()) return [];
  const scanner = new Scanner(filter);
  const clauses: FilterClause[] = [];
  do {
    clauses.push(readClause(scanner));
  } while (scanner.read(/AND\b/i));
  if (!scanner.isAtEnd()) {
    if (scanner.read(/OR\b/i)) scanner.fail("OR is not supported, only AND");
    scanner.fail("unexpected text");
  }
  return clauses;
}

function readClause(scanner: Scanner): FilterClause {
  const identifier = readIdentifier(scanner);
  const comparator = readComparator(scanner);
  const value = readValue(scanner, comparator);
  const clause = { ...identifier, comparator, value };
  checkClause(clause);
  return clause;
}

function readComparator(scanner: Scanner): Comparator {
  const symbol = scanner.read(/!=|<>|<=|>=|=|<|>/)?.[0];
  if (symbol) return symbol === "<>" ? "!=" : (symbol as Comparator);
  const word = scanner.read(/NOT\s+IN\b|ILIKE\b|LIKE\b|IN\b/i)?.[0];
  if (word) return word.toUpperCase().replace(/\s+/, " ") as Comparator;
  return scanner.fail("expected a comparator");
}

function readValue(scanner: Scanner, comparator: Comparator): FilterValue {
  if (comparator === "IN" || comparator === "NOT IN") {
    if (!scanner.read(/\(/)) scanner.fail("expected '(' after IN");
    const items: string[] = [];
    do {
      items.push(readString(scanner) ?? scanner.fail("expected a quoted string in the IN list"));
    } while (scanner.read(/,/));
    if (!scanner.read(/\)/)) scanner.fail("expected ')' to close the IN list");
    return items;
  }
  const text = readString(scanner);
  if (text !== null) return text;
  const number = scanner.read(/[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/);
  return number ? Number(number[0]) : scanner.fail("expected a quoted string or a number");
}

function readString(scanner: Scanner): string | null {
  const match = scanner.read(/'((?:[^']|'')*)'|"((?:[^"]|"")*)"/);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] ?? "").replace(/""/g, '"');
}

/** Applies MLflow's per-entity rules: metrics compare numbers, params and tags compare strings. */
function checkClause(clause: FilterClause): void {
  if (clause.entity === "metric") {
    if (!NUMERIC_COMPARATORS.includes(clause.comparator) || typeof clause.value !== "number") {
      throw new MlflowError(
        "INVALID_PARAMETER_VALUE",
        `Invalid clause for metric '${clause.key}': expected one of ${NUMERIC_COMPARATORS.join(", ")} and a numeric value`,
      );
    }
  }
  if (clause.entity === "param" || clause.entity === "tag") {
    if (!STRING_COMPARATORS.includes(clause.comparator) || typeof clause.value === "number") {
      throw new MlflowError(
        "INVALID_PARAMETER_VALUE",
        `Invalid clause for ${clause.entity} '${clause.key}': expected one of ${STRING_COMPARATORS.join(", ")} and a quoted string value`,
      );
    }
  }
}
