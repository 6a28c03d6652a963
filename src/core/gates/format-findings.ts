import type { GateFinding, GateName, GateReport, GateResult } from './gate-report.js';
import { markdownCode, markdownText, visibleControlCharacters } from './markdown-text.js';

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
  return [`The validation gates found ${findings.length} ${noun}; fix every one:`, ...lines].join('\n');
}

/** A compact table of the gates for status comments, PR bodies and check run summaries. */
export function formatGateReportMarkdown(report: GateReport): string {
  const failed = report.results.filter((result) => !result.passed).length;
  const headline = report.passed
    ? `✅ All ${report.results.length} validation gates passed`
    : `❌ ${failed} of ${report.results.length} validation gates failed`;
  const rows = report.results.map(
    (result) => `| ${GATE_TITLES[result.gate]} | ${result.passed ? '✅' : '❌'} | ${findingsCell(result)} |`,
  );
  return [`**${headline}**`, '', '| Gate | Result | Findings |', '| --- | :---: | --- |', ...rows].join('\n');
}

function findingsCell(result: GateResult): string {
  if (result.findings.length === 0) return '—';
  const shown = result.findings.slice(0, MAX_FINDINGS_PER_GATE).map((finding) => {
    const where = finding.path === undefined ? '' : `${markdownCode(finding.path)} `;
    return `${where}${markdownText(finding.message)}`;
  });
  const hidden = result.findings.length - shown.length;
  if (hidden > 0) shown.push(`…and ${hidden} more`);
  return shown.join('<br>');
}
