import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./src/", import.meta.url)),
      // Next resolves this marker itself; outside Next it must be an empty module.
      "server-only": fileURLToPath(import.meta.resolve("next/dist/compiled/server-only/empty.js")),
    },
  },
  test: { include: ["test/**/*.test.ts"] },
});
