import type { IncomingMessage } from "node:http";

export type BodyResult = { ok: true; body: unknown } | { ok: false; status: number; message: string };

/** Reads and parses a JSON request body, refusing bodies over `maxBytes`. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      return { ok: false, status: 413, message: `Request body is larger than ${maxBytes} bytes.` };
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { ok: false, status: 400, message: "Parse error: the request body is not valid JSON." };
  }
}
