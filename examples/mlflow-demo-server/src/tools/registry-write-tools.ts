import { z } from "zod";
import { deleteModelAlias, setModelAlias } from "../store/alias-ops";
import { registerModel } from "../store/register-model";
import {
  copyModelVersion,
  deleteModelVersion,
  deleteRegisteredModel,
  setRegisteredModelTag,
  transitionStage,
  updateDescription,
} from "../store/registry-ops";
import { defineTool } from "./define-tool";
import { pythonStr } from "./python-str";
import { createdVersion } from "./serialize-version";

const nameVersion = { name: z.string(), version: z.string() };

export const registryWriteTools = [
  defineTool(
    "register_model",
    z.object({
      model_name: z.string(),
      model_uri: z.string(),
      tags: z.record(z.string(), z.unknown()).nullish(),
    }),
    ({ model_name, model_uri, tags }, { state }) => {
      const stringTags = Object.fromEntries(
        Object.entries(tags ?? {}).map(([key, value]) => [key, pythonStr(value)]),
      );
      return createdVersion(
        registerModel(state, { modelUri: model_uri, name: model_name, tags: stringTags }),
      );
    },
  ),

  defineTool(
    "set_registered_model_tag",
    z.object({ name: z.string(), key: z.string(), value: z.string() }),
    ({ name, key, value }, { state }) => {
      setRegisteredModelTag(state, name, key, value);
      return { success: true, name, key, value };
    },
  ),

  defineTool(
    "set_model_alias",
    z.object({ name: z.string(), alias: z.string(), version: z.string() }),
    ({ name, alias, version }, { state }) => {
      setModelAlias(state, name, alias, version);
      return { success: true, name, alias, version };
    },
  ),

  defineTool(
    "update_model_version",
    z.object({ ...nameVersion, description: z.string() }),
    ({ name, version, description }, { state }) => {
      const updated = updateDescription(state, name, version, description);
      return {
        name: updated.name,
        version: String(updated.version),
        description: updated.description,
        current_stage: updated.currentStage,
        status: updated.status,
      };
    },
  ),

  defineTool(
    "transition_model_version_stage",
    z.object({ ...nameVersion, stage: z.string(), archive_existing: z.boolean().default(false) }),
    ({ name, version, stage, archive_existing }, { state }) => {
      const moved = transitionStage(state, { name, version, stage, archiveExisting: archive_existing });
      return {
        name: moved.name,
        version: String(moved.version),
        current_stage: moved.currentStage,
        status: moved.status,
      };
    },
  ),

  defineTool(
    "copy_model_version",
    z.object({ src_model_name: z.string(), src_version: z.string(), dst_model_name: z.string() }),
    ({ src_model_name, src_version, dst_model_name }, { state }) =>
      createdVersion(copyModelVersion(state, src_model_name, src_version, dst_model_name)),
  ),

  defineTool(
    "delete_model_alias",
    z.object({ name: z.string(), alias: z.string() }),
    ({ name, alias }, { state }) => {
      deleteModelAlias(state, name, alias);
      return { success: true, name, alias };
    },
  ),

  defineTool("delete_model_version", z.object(nameVersion), ({ name, version }, { state }) => {
    deleteModelVersion(state, name, version);
    return { success: true, name, version };
  }),

  defineTool("delete_registered_model", z.object({ name: z.string() }), ({ name }, { state }) => {
    deleteRegisteredModel(state, name);
    return { success: true, name };
  }),
];
