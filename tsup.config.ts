import { defineConfig } from "tsup";

// The Node services (proxy, worker) ship as one bundle each. Internal packages
// export TypeScript source, so they are bundled in; npm dependencies stay external.
export default defineConfig({
  entry: ["src/main.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  clean: true,
  sourcemap: true,
  noExternal: [/^@gatehouse\//],
  // Dependencies of the internal packages (pg, @prisma/client…) resolve from node_modules at run time.
  external: [/^(?!@gatehouse\/)[^./]/],
});
