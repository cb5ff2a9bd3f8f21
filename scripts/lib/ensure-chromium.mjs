import { existsSync } from "node:fs";
import { run } from "./run.mjs";

/**
 * The browser tests drive Debian's Chromium. Install it when missing and this
 * user may (root with apt); otherwise say how.
 */
export async function ensureChromium(env) {
  const browser = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(browser)) return;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("› Installing Chromium for the browser tests (apt-get install chromium)…");
    await run("apt-get", ["update", "-qq"]);
    await run("apt-get", ["install", "-y", "-qq", "chromium"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  console.error(
    `✖ The browser tests need Chromium at ${browser}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
