import { GatehouseError } from "../errors/gatehouse-error";

/** The error for acting on a webhook the organisation does not have (never set up, or deleted meanwhile). */
export function noWebhookError(): GatehouseError {
  return new GatehouseError("not_found", "This organisation has no webhook. Save a URL first.");
}
