import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { MlflowError } from "./mlflow-error";
import type { Artifact, Run } from "./types";

export type ArtifactEntry = { path: string; isDir: boolean; fileSize: number | null };

/** The direct children of `path` in a run's artifact tree, like MlflowClient.list_artifacts. */
export function listArtifacts(run: Run, path: string): ArtifactEntry[] {
  const prefix = normalize(path) ? `${normalize(path)}/` : "";
  const children = new Map<string, ArtifactEntry>();
  for (const artifact of run.artifacts) {
    if (!artifact.path.startsWith(prefix)) continue;
    const [head, ...rest] = artifact.path.slice(prefix.length).split("/");
    const childPath = `${prefix}${head}`;
    if (rest.length > 0) children.set(childPath, { path: childPath, isDir: true, fileSize: null });
    else children.set(childPath, { path: childPath, isDir: false, fileSize: bytesOf(artifact).length });
  }
  return [...children.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** True when the run logged at least one file at or below `path`. */
export function hasArtifactsUnder(run: Run, path: string): boolean {
  return filesUnder(run, path).length > 0;
}

/**
 * Writes the artifact (a file, or a directory with everything below it) into a fresh temporary
 * directory and returns its local path, as MlflowClient.download_artifacts does.
 */
export function downloadArtifact(run: Run, path: string): string {
  const files = filesUnder(run, path);
  if (files.length === 0) {
    throw new MlflowError(
      "RESOURCE_DOES_NOT_EXIST",
      `The following failures occurred while downloading one or more artifacts from ${run.artifactUri}: artifact '${path}' does not exist`,
    );
  }
  const root = mkdtempSync(join(tmpdir(), "mlflow-demo-artifacts-"));
  for (const file of files) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytesOf(file));
  }
  return join(root, normalize(path));
}

/** Decodes an artifact as UTF-8 text, failing for binary files as Python's open(…, "r") would. */
export function decodeArtifactText(bytes: Buffer, path: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = bytes.findIndex((byte) => byte >= 0x80);
    throw new MlflowError(
      "VALUE_ERROR",
      `'utf-8' codec can't decode byte 0x${(bytes[offset] ?? 0).toString(16)} in position ${offset} of '${path}': invalid start byte`,
    );
  }
}

function filesUnder(run: Run, path: string): Artifact[] {
  const normalized = normalize(path);
  return run.artifacts.filter(
    (artifact) => !normalized || artifact.path === normalized || artifact.path.startsWith(`${normalized}/`),
  );
}

function bytesOf(artifact: Artifact): Buffer {
  return Buffer.from(artifact.content, artifact.isBinary ? "base64" : "utf8");
}

function normalize(path: string): string {
  return path.replace(/^\/+|\/+$/g, "");
}
