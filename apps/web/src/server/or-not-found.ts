import "server-only";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { notFound } from "next/navigation";

/**
 * Awaits a lookup and shows the 404 page when it is not found. Another
 * organisation's id is "not found" too, so pages never reveal that it exists.
 */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (isGatehouseError(error, "not_found")) notFound();
    throw error;
  }
}
