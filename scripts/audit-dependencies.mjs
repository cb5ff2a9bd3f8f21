// `npm run audit:deps`: fails when production dependencies have high or critical
// advisories. When the registry's advisory service cannot be reached (some mirrors
// answer 405), it says so and passes, unless --strict asks for a failure then too.
import { spawnSync } from "node:child_process";
import { readAuditReport } from "./lib/read-audit-report.mjs";

const isStrict = process.argv.includes("--strict");
const audit = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
const result = readAuditReport(audit.stdout ?? "");

if (result.status === "unavailable") {
  console.warn(
    `⚠ Production dependencies were NOT checked for advisories: ${result.reason}. Run \`npm run audit:deps\` where the npm registry's audit service is reachable.`,
  );
  process.exit(isStrict ? 2 : 0);
}
if (result.status === "vulnerable") {
  console.error(`✖ ${result.findings.length} production dependencies have high or critical advisories:`);
  for (const finding of result.findings) console.error(`  - ${finding}`);
  process.exit(1);
}
console.log("✔ No high or critical advisories in production dependencies.");
