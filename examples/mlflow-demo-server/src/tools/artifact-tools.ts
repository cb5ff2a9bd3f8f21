import { readFileSync, statSync } from "node:fs";
import { z } from "zod";
import { decodeArtifactText, downloadArtifact, listArtifacts } from "../store/artifact-ops";
import { MlflowError } from "../store/mlflow-error";
import { getRun } from "../store/mlflow-store";
import { defineTool } from "./define-tool";

const artifactArgs = z.object({ run_id: z.string(), artifact_path: z.string() });

export const artifactTools = [
  defineTool(
    "get_run_artifacts",
    z.object({ run_id: z.string(), path: z.string().default("") }),
    ({ run_id, path }, { state }) =>
      listArtifacts(getRun(state, run_id), path).map((entry) => ({
        run_id,
        path: entry.path,
        is_dir: entry.isDir,
        file_size: entry.fileSize,
      })),
  ),

  defineTool("get_run_artifact", artifactArgs, ({ run_id, artifact_path }, { state }) => {
    const localPath = downloadArtifact(getRun(state, run_id), artifact_path);
    return {
      local_path: localPath,
      run_id,
      artifact_path,
      size_bytes: statSync(localPath).size,
    };
  }),

  defineTool("get_artifact_content", artifactArgs, ({ run_id, artifact_path }, { state }) => {
    const localPath = downloadArtifact(getRun(state, run_id), artifact_path);
    if (statSync(localPath).isDirectory()) {
      throw new MlflowError("VALUE_ERROR", `[Errno 21] Is a directory: '${localPath}'`);
    }
    return decodeArtifactText(readFileSync(localPath), artifact_path);
  }),
];
