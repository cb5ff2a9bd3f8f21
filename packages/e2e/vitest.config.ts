import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["../../packages/testing/src/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser journey at a time: the machine has two cores and the stack is heavy.
    fileParallelism: false,
  },
});
