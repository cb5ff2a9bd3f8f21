import { z } from "zod";
import { deleteRun, setRunTag } from "../store/tracking-ops";
import { defineTool } from "./define-tool";

export const runWriteTools = [
  defineTool(
    "set_run_tag",
    z.object({ run_id: z.string(), key: z.string(), value: z.string() }),
    ({ run_id, key, value }, { state }) => {
      setRunTag(state, run_id, key, value);
      return { success: true, run_id, key, value };
    },
  ),

  defineTool("delete_run", z.object({ run_id: z.string() }), ({ run_id }, { state }) => {
    deleteRun(state, run_id);
    return { success: true, run_id };
  }),
];
