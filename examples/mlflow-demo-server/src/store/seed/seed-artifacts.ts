import type { Artifact } from "../types";

/** Bytes that begin like a pickle (protocol 4), so reading the file as text fails as it would in MLflow. */
const PICKLE_BYTES = Buffer.from([0x80, 0x04, 0x95, 0x2a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x8c]);

/** The files `mlflow.<flavor>.log_model(…, name="model")` leaves under a run. */
export function modelArtifacts(flavor: string, flavorVersion: string, runId: string): Artifact[] {
  const mlmodel = [
    "artifact_path: model",
    "flavors:",
    "  python_function:",
    `    loader_module: mlflow.${flavor}`,
    "    python_version: 3.12.7",
    `  ${flavor}:`,
    `    ${flavor}_version: ${flavorVersion}`,
    "mlflow_version: 3.4.0",
    `run_id: ${runId}`,
    "",
  ].join("\n");
  return [
    { path: "model/MLmodel", content: mlmodel },
    { path: "model/model.pkl", content: PICKLE_BYTES.toString("base64"), isBinary: true },
    {
      path: "model/requirements.txt",
      content: `mlflow==3.4.0\n${flavor}==${flavorVersion}\npandas==2.2.3\n`,
    },
  ];
}

/** A training config, as teams usually log it with mlflow.log_dict or log_artifact. */
export function configArtifact(settings: Record<string, string | number>): Artifact {
  const yaml = Object.entries(settings)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");
  return { path: "configs/train.yaml", content: `${yaml}\n` };
}

/** An evaluation result logged as JSON. */
export function confusionMatrixArtifact(matrix: number[][]): Artifact {
  return {
    path: "eval/confusion_matrix.json",
    content: `${JSON.stringify({ labels: [0, 1], matrix }, null, 2)}\n`,
  };
}
