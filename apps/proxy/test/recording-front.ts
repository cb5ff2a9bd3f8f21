import type { RunningServer } from "@gatehouse/testing/start-everything-server";
import { startHttpFront } from "./http-front";

export type RecordingFront = RunningServer & {
  /** Every request body the upstream behind it has received, in order. */
  bodies: () => string[];
};

/** An HTTP front for an upstream MCP server that records every request body passing through it unchanged. */
export async function startRecordingFront(target: string): Promise<RecordingFront> {
  const bodies: string[] = [];
  const front = await startHttpFront(target, (body) => {
    bodies.push(body.toString("utf8"));
    return false;
  });
  return { ...front, bodies: () => [...bodies] };
}
