import { redactFindings } from '../../core/gates/redact-findings.js';
import type { GateReport } from '../../core/gates/gate-report.js';

/**
 * `report` with every finding's text passed through `redactFindings`: findings over files a person
 * wrote quote their content, and any secret in them must not reach a review or a check run.
 */
export async function redactReport(report: GateReport): Promise<GateReport> {
  const results = [];
  for (const result of report.results)
    results.push({ ...result, findings: await redactFindings(result.findings) });
  return { ...report, results };
}
