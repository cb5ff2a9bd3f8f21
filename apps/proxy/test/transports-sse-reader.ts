/** One server-sent event as it arrived. */
export type SseEvent = { event: string; id: string | undefined; data: string };

/** Reads the events of an SSE response one at a time, as an agent's event source would. */
export function readSse(response: Response) {
  const body = response.body;
  if (!body) throw new Error("The SSE response has no body.");
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return {
    /** The next event that carries data (keep-alives and empty priming events are skipped). */
    async next(): Promise<SseEvent> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = parse(block);
          if (event.data.trim()) return event;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("The SSE stream ended.");
        buffer += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

function parse(block: string): SseEvent {
  const field = (name: string) =>
    block
      .split("\n")
      .filter((line) => line.startsWith(`${name}:`))
      .map((line) => line.slice(name.length + 1).replace(/^ /, ""));
  return { event: field("event")[0] ?? "message", id: field("id")[0], data: field("data").join("\n") };
}
