import type { GateFinding, GateName, GateReport, GateResult } from './gate-report.js';
import { codeSpan } from '../markdown/code-span.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';
import { visibleControlCharacters } from '../markdown/visible-control-characters.js';

const GATE_TITLES: Readonly<Record<GateName, string>> = {
  paths: 'File paths',
  limits: 'Size limits',
  secrets: 'Secret scan',
  template: 'CloudFormation template',
  typescript: 'TypeScript and JSON syntax',
  'model-output': 'Model answer',
};

/** Findings shown per gate in markdown before the rest are counted, so a comment stays readable. */
const MAX_FINDINGS_PER_GATE = 10;

const OTHER_GATES_NOT_RUN =
  'The other gates were not run because the limits gate failed; they run once the bundle is within the limits.';

/**
 * The findings as a numbered plain-text list to hand back to the model for repair: one problem per
 * line, naming the gate and the file, so each can be fixed without guessing.
 */
export function formatFindingsForRepair(findings: readonly GateFinding[]): string {
  if (findings.length === 0) return 'No validation problems.';
  const lines = findings.map((finding, index) => {
    const where = finding.path === undefined ? '' : ` ${visibleControlCharacters(finding.path)}:`;
    return `${index + 1}. [${finding.gate}]${where} ${visibleControlCharacters(finding.message)}`;
  });
  const noun = findings.length === 1 ? 'problem' : 'problems';
  // runGates runs nothing after a failed limits gate: say so, or the list reads as the only problems.
  const notRun = findings.some((finding) => finding.gate === 'limits') ? [OTHER_GATES_NOT_RUN] : [];
  return [`The validation gates found ${findings.length} ${noun}; fix every one:`, ...lines, ...notRun].join(
    '\n',
  );
}

/** A compact table of the gates for status comments, PR bodies and check run summaries. */
export function formatGateReportMarkdown(report: GateReport): string {
  const failed = report.results.filter((result) => !result.passed && result.skipped === undefined).length;
  const notRun = report.results.filter((result) => result.skipped !== undefined).length;
  const headline = report.passed
    ? `✅ All ${report.results.length} validation gates passed`
    : `❌ ${failed} of ${report.results.length} validation gates failed${notRun > 0 ? `, ${notRun} not run` : ''}`;
  const rows = report.results.map(
    (result) => `| ${GATE_TITLES[result.gate]} | ${resultIcon(result)} | ${findingsCell(result)} |`,
  );
  return [`**${headline}**`, '', '| Gate | Result | Findings |', '| --- | :---: | --- |', ...rows].join('\n');
}

function resultIcon(result: GateResult): string {
  if (result.skipped !== undefined) return '⏭️';
  return result.passed ? '✅' : '❌';
}

function findingsCell(result: GateResult): string {
  if (result.skipped !== undefined) return untrustedInline(result.skipped);
  if (result.findings.length === 0) return '—';
  const shown = result.findings.slice(0, MAX_FINDINGS_PER_GATE).map((finding) => {
    // Findings quote generated paths and template names: untrusted text in a table cell.
    const where = finding.path === undefined ? '' : `${codeSpan(finding.path, { inTableCell: true })} `;
    return `${where}${untrustedInline(finding.message)}`;
  });
  const hidden = result.findings.length - shown.length;
  if (hidden > 0) shown.push(`…and ${hidden} more`);
  return shown.join('<br>');
}
