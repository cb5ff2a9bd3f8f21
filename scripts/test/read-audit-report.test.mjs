import assert from "node:assert/strict";
import { test } from "node:test";
import { readAuditReport } from "../lib/read-audit-report.mjs";

const report = (vulnerabilities) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: {} } });

test("a report without high or critical findings is clean", () => {
  const moderate = { name: "a", severity: "moderate", range: "<1", via: ["b"], fixAvailable: true };
  assert.deepEqual(readAuditReport(report({ a: moderate })), { status: "clean", findings: [] });
});

test("high and critical findings fail, named with their advisory and fix", () => {
  const result = readAuditReport(
    report({
      next: {
        name: "next",
        severity: "critical",
        range: "<16.0.1",
        via: [{ title: "Auth bypass", url: "https://github.com/advisories/GHSA-x" }],
        fixAvailable: true,
      },
      dep: { name: "dep", severity: "high", range: "*", via: ["next"], fixAvailable: false },
    }),
  );
  assert.equal(result.status, "vulnerable");
  assert.deepEqual(result.findings, [
    "next <16.0.1 — critical: Auth bypass (https://github.com/advisories/GHSA-x); a fix is available (npm audit fix)",
    "dep * — high: via next; no fix released yet",
  ]);
});

test("a registry that refuses the audit request is reported as unchecked, not clean", () => {
  const refused = JSON.stringify({
    message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    statusCode: 405,
    error: { summary: "", detail: "" },
  });
  assert.deepEqual(readAuditReport(refused), {
    status: "unavailable",
    findings: [],
    reason: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  });
  assert.equal(readAuditReport("npm ERR! network").status, "unavailable");
});
