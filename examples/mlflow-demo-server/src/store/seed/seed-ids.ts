/** Fixed ids of the demo dataset, so docs, demos and tests can name them. */
export const EXPERIMENT_IDS = { default: "0", churn: "1", fraud: "2" } as const;

export const RUN_IDS = {
  churnBaseline: "0c5e6b1f9a2d4c7e8b3a5d6f7e8c9a01",
  churnSweep: "1d7f2a9c3b4e4f5a8c6d7e8f9a0b1c02",
  churnTrial1: "2e8a3b0d4c5f4a6b9d7e8f0a1b2c3d03",
  churnTrial2: "3f9b4c1e5d6a4b7c0e8f9a1b2c3d4e04",
  fraudV1: "4a0c5d2f6e7b4c8d1f9a0b2c3d4e5f05",
  fraudV2: "5b1d6e3a7f8c4d9e2a0b1c3d4e5f6a06",
  fraudOom: "6c2e7f4b8a9d4e0f3b1c2d4e5f6a7b07",
} as const;

export const LOGGED_MODEL_IDS = {
  churnTrial1: "m-8d1c2b3a4f5e46d7a8b9c0d1e2f3a4b5",
  churnTrial2: "m-9e2d3c4b5a6f47e8b9c0d1e2f3a4b5c6",
  fraudV1: "m-af3e4d5c6b7a48f9c0d1e2f3a4b5c6d7",
  fraudV2: "m-b04f5e6d7c8b49a0d1e2f3a4b5c6d7e8",
} as const;

/** Parses an ISO timestamp into epoch milliseconds, MLflow's time unit. */
export function at(iso: string): number {
  return Date.parse(iso);
}
