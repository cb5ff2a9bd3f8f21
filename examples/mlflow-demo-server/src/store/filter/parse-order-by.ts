import { type Identifier, readIdentifier, Scanner } from "./scanner";

export type OrderBy = Identifier & { isAscending: boolean };

/** Parses an order_by clause such as "metrics.`f1/score` DESC" or "name ASC" (ASC is the default). */
export function parseOrderBy(clause: string): OrderBy {
  const scanner = new Scanner(clause);
  const identifier = readIdentifier(scanner);
  const direction = scanner.read(/ASC\b|DESC\b/i)?.[0].toUpperCase() ?? "ASC";
  if (!scanner.isAtEnd()) scanner.fail("unexpected text in order_by clause");
  return { ...identifier, isAscending: direction === "ASC" };
}
