/** What kind of failure an error is; each maps to one HTTP status and one JSON-RPC code. */
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "upstream_unreachable"
  | "upstream_auth_failed"
  | "upstream_not_mcp"
  | "upstream_failed"
  | "misconfigured"
  | "internal";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  upstream_unreachable: 502,
  upstream_auth_failed: 502,
  upstream_not_mcp: 502,
  upstream_failed: 502,
  misconfigured: 500,
  internal: 500,
};

export type FieldError = { field: string; message: string };

/**
 * The one error type domain operations throw. `publicMessage` is safe to show to
 * the caller; `cause` and `details` are for logs only.
 */
export class GatehouseError extends Error {
  readonly code: ErrorCode;
  readonly publicMessage: string;
  readonly fieldErrors: FieldError[];

  constructor(
    code: ErrorCode,
    publicMessage: string,
    options: { cause?: unknown; fieldErrors?: FieldError[]; logMessage?: string } = {},
  ) {
    super(options.logMessage ?? publicMessage, { cause: options.cause });
    this.name = "GatehouseError";
    this.code = code;
    this.publicMessage = publicMessage;
    this.fieldErrors = options.fieldErrors ?? [];
  }
}

/** Narrows an unknown thrown value to a GatehouseError of the given code. */
export function isGatehouseError(error: unknown, code?: ErrorCode): error is GatehouseError {
  return error instanceof GatehouseError && (code === undefined || error.code === code);
}
