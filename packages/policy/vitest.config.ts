import { defineConfig } from "vitest/config";

// Every test here is pure and synchronous, so files can share one module graph: loading zod
// once per worker instead of once per file keeps the suite fast on a busy machine.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "threads",
    isolate: false,
  },
});
