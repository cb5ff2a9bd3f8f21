// Reads the JSON `npm audit --json` prints and decides whether production
// dependencies carry advisories at or above the severity CI refuses.

const BLOCKING_SEVERITIES = new Set(["high", "critical"]);

/**
 * @returns {{ status: "clean" | "vulnerable" | "unavailable", findings: string[], reason?: string }}
 * "unavailable" means the registry's advisory service could not be asked, which says
 * nothing either way; the caller decides whether that fails the run.
 */
export function readAuditReport(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { status: "unavailable", findings: [], reason: "npm audit printed no JSON report" };
  }
  if (report.auditReportVersion !== 2 || typeof report.vulnerabilities !== "object") {
    const reason = report.message ?? report.error?.summary ?? "npm audit returned no report";
    return { status: "unavailable", findings: [], reason };
  }
  const findings = Object.values(report.vulnerabilities)
    .filter((entry) => BLOCKING_SEVERITIES.has(entry.severity))
    .map(describeFinding);
  return { status: findings.length > 0 ? "vulnerable" : "clean", findings };
}

function describeFinding(entry) {
  const titles = entry.via
    .map((via) => (typeof via === "string" ? `via ${via}` : `${via.title} (${via.url})`))
    .join("; ");
  const fix = entry.fixAvailable ? "a fix is available (npm audit fix)" : "no fix released yet";
  return `${entry.name} ${entry.range} — ${entry.severity}: ${titles}; ${fix}`;
}
