import { getEnv } from "./env";

// A bad environment stops the process at boot, listing each variable and what it
// expects, instead of failing every request later.
try {
  getEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
