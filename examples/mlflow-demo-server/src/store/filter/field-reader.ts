import { MlflowError } from "../mlflow-error";
import { likeToRegExp } from "./like-pattern";
import type { FilterClause } from "./parse-filter";
import type { OrderBy } from "./parse-order-by";
import type { Identifier } from "./scanner";

export type FieldValue = string | number | null | undefined;

/** How one kind of searchable entity (run, experiment, logged model) exposes its fields. */
export type FieldReader<T> = {
  kind: string;
  attributes: Record<string, (item: T) => FieldValue>;
  metric?: (item: T, key: string) => number | undefined;
  param?: (item: T, key: string) => string | undefined;
  tag?: (item: T, key: string) => string | undefined;
};

/** Builds a predicate for AND-ed clauses; an item lacking a compared field never matches, as in MLflow. */
export function compileFilter<T>(clauses: FilterClause[], reader: FieldReader<T>): (item: T) => boolean {
  const tests = clauses.map((clause) => {
    const read = resolveField(reader, clause);
    return (item: T) => compareField(read(item), clause);
  });
  return (item) => tests.every((test) => test(item));
}

/** Builds a sort comparator; items lacking a sort field go last whatever the direction, as in MLflow. */
export function compileOrderBy<T>(
  orderBys: OrderBy[],
  reader: FieldReader<T>,
  tieBreak: (a: T, b: T) => number,
): (a: T, b: T) => number {
  const keys = orderBys.map((orderBy) => ({
    read: resolveField(reader, orderBy),
    sign: orderBy.isAscending ? 1 : -1,
  }));
  return (a, b) => {
    for (const { read, sign } of keys) {
      const left = read(a);
      const right = read(b);
      const isLeftMissing = left === null || left === undefined;
      const isRightMissing = right === null || right === undefined;
      if (isLeftMissing || isRightMissing) {
        if (isLeftMissing !== isRightMissing) return isLeftMissing ? 1 : -1;
        continue;
      }
      const order = left < right ? -1 : left > right ? 1 : 0;
      if (order !== 0) return order * sign;
    }
    return tieBreak(a, b);
  };
}

function resolveField<T>(reader: FieldReader<T>, identifier: Identifier): (item: T) => FieldValue {
  if (identifier.entity === "attribute") {
    const read = reader.attributes[identifier.key];
    if (read) return read;
    const valid = Object.keys(reader.attributes).join("', '");
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Invalid attribute key '${identifier.key}' specified. Valid keys are ['${valid}']`,
    );
  }
  const read = reader[identifier.entity];
  if (!read) {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Invalid entity '${identifier.entity}' for ${reader.kind} search`,
    );
  }
  return (item) => read(item, identifier.key);
}

function compareField(actual: FieldValue, clause: FilterClause): boolean {
  if (actual === null || actual === undefined) return false;
  const { comparator, value, key } = clause;
  if (Array.isArray(value)) return value.includes(String(actual)) === (comparator === "IN");
  if (comparator === "LIKE" || comparator === "ILIKE") {
    if (typeof value !== "string") throw invalid(`LIKE needs a quoted pattern for '${key}'`);
    return likeToRegExp(value, comparator === "ILIKE").test(String(actual));
  }
  if (typeof actual === "number") {
    if (typeof value !== "number") throw invalid(`Expected a numeric value for '${key}'`);
    return compareOrdered(actual, value, comparator);
  }
  if (typeof value !== "string") throw invalid(`Expected a quoted string value for '${key}'`);
  if (comparator !== "=" && comparator !== "!=") {
    throw invalid(`Comparator '${comparator}' is not supported for string field '${key}'`);
  }
  return (actual === value) === (comparator === "=");
}

function compareOrdered(actual: number, expected: number, comparator: FilterClause["comparator"]): boolean {
  switch (comparator) {
    case "=":
      return actual === expected;
    case "!=":
      return actual !== expected;
    case "<":
      return actual < expected;
    case "<=":
      return actual <= expected;
    case ">":
      return actual > expected;
    case ">=":
      return actual >= expected;
    default:
      throw invalid(`Comparator '${comparator}' is not supported for numbers`);
  }
}

function invalid(message: string): MlflowError {
  return new MlflowError("INVALID_PARAMETER_VALUE", message);
}
