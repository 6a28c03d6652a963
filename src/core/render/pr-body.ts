import type { ArtifactBundle } from '../bundle/artifact-bundle.js';
import { checkCoverage } from '../bundle/check-coverage.js';
import { formatGateReportMarkdown } from '../gates/format-findings.js';
import type { GateReport } from '../gates/gate-report.js';
import type { ExecutionMode, RequestPayload } from '../request/execution-request.js';
import { escapeMarkdown } from '../text/escape-markdown.js';
import { renderCoverageSections, strategyHadEffect } from './coverage-sections.js';
import type { TokenUsage } from '../../generation/model-provider.js';

const MODE_CHECKLIST: Record<ExecutionMode, readonly string[]> = {
  automated: ['All validation gates passed', 'Risk is low (otherwise this falls back to guided review)'],
  guided: [
    'Review the CloudFormation template (IAM, replacements, public exposure)',
    'Review the source and its tests',
    'Approve this PR to pass the `implementation-agent/approval` check',
  ],
  manual: ['Implement the specification on this branch', 'Make the acceptance tests pass'],
  hybrid: ['Check the risk assessment: high-risk changes need an approving review'],
};

/** The PR body (DESIGN §6): what a reviewer needs, in the order they need it. */
export function renderPrBody(params: {
  request: RequestPayload;
  bundle: ArtifactBundle;
  report: GateReport;
  usage: TokenUsage;
  model: string;
  attempts: number;
  issueNumber?: number;
}): string {
  const { request, bundle, report, usage } = params;
  const exec = request.execution_request;
  // Coverage is checked against the generated files here, so the PR never repeats an unchecked claim.
  const coverage = bundle.coverage === undefined ? undefined : checkCoverage(bundle);
  const strategy =
    exec.deployment_strategy && strategyHadEffect(coverage) ? exec.deployment_strategy : undefined;
  const sections = [
    `## ${escapeMarkdown(exec.task_name)}`,
    escapeMarkdown(bundle.summary),
    `**Type** ${exec.task_type} · **Mode** ${exec.execution_mode} · **Target** ${escapeMarkdown(exec.target_environment)}` +
      (strategy ? ` · **Strategy** ${strategy}` : ''),
    '### Plan',
    bundle.plan.map((step, index) => `${index + 1}. ${escapeMarkdown(step)}`).join('\n'),
    ...renderCoverageSections(coverage),
    '### Files',
    ['| File | Role | Size |', '| --- | --- | ---: |', ...bundle.files.map(fileRow)].join('\n'),
    '### Validation',
    formatGateReportMarkdown(report),
    '### Risk assessment',
    bundle.riskNotes.length
      ? bundle.riskNotes.map((note) => `- ${escapeMarkdown(note)}`).join('\n')
      : '- No risks noted.',
    '### Generation',
    `Model \`${params.model}\`, ${params.attempts} attempt(s), ${usage.inputTokens} input / ${usage.outputTokens} output tokens` +
      ` (${usage.cacheReadTokens} cache read, ${usage.cacheWriteTokens} cache write), cost $${usage.costUsd.toFixed(4)}.`,
    '### Checklist',
    MODE_CHECKLIST[exec.execution_mode].map((item) => `- [ ] ${item}`).join('\n'),
  ];
  if (params.issueNumber !== undefined) sections.push(`Closes #${params.issueNumber}`);
  return sections.join('\n\n') + '\n';
}

function fileRow(file: ArtifactBundle['files'][number]): string {
  const bytes = Buffer.byteLength(file.content, 'utf8');
  return `| \`${file.path.replace(/[|`]/g, '_')}\` | ${file.role} | ${bytes.toLocaleString('en-US')} B |`;
}
