import "server-only";
import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";

// Policies and server registrations are a few kilobytes; a cap keeps one request from
// holding the process's memory hostage.
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request's JSON body, refusing bodies over MAX_BODY_BYTES and reporting JSON syntax errors. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readCappedText(request);
  if (text.trim() === "") {
    throw new GatehouseError("invalid_input", "Send a JSON object as the request body.", {
      fieldErrors: [{ field: "body", message: "The body is empty." }],
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // JSON.parse's message names the position of the problem and nothing of ours.
    const message = error instanceof SyntaxError ? error.message : "The body could not be read as JSON.";
    throw new GatehouseError("invalid_input", "The request body is not valid JSON.", {
      fieldErrors: [{ field: "body", message }],
    });
  }
}

async function readCappedText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(): GatehouseError {
  return new GatehouseError("invalid_input", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
    fieldErrors: [{ field: "body", message: `Send at most ${MAX_BODY_BYTES} bytes.` }],
  });
}
