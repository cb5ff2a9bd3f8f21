/** MLflow's error codes that the stand-in raises, as the REST API names them. */
export type MlflowErrorCode =
  | "RESOURCE_DOES_NOT_EXIST"
  | "RESOURCE_ALREADY_EXISTS"
  | "INVALID_PARAMETER_VALUE"
  | "INVALID_STATE"
  /** A Python ValueError raised by the MCP tool itself; FastMCP prints it without a code. */
  | "VALUE_ERROR";

/**
 * The one error type of the store. Its text matches what MlflowClient's REST exceptions print
 * (`CODE: message`), which is what the real server puts into an `isError` tool result.
 */
export class MlflowError extends Error {
  readonly code: MlflowErrorCode;

  constructor(code: MlflowErrorCode, message: string) {
    super(message);
    this.name = "MlflowError";
    this.code = code;
  }

  override toString(): string {
    return this.code === "VALUE_ERROR" ? this.message : `${this.code}: ${this.message}`;
  }
}
