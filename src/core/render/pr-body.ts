import type { ArtifactBundle } from '../bundle/artifact-bundle.js';
import { checkCoverage } from '../bundle/check-coverage.js';
import { formatGateReportMarkdown } from '../gates/format-findings.js';
import type { GateReport } from '../gates/gate-report.js';
import type { ExecutionMode, RequestPayload } from '../request/execution-request.js';
import { codeSpan } from '../markdown/code-span.js';
import { fitBody } from '../markdown/fit-body.js';
import { PULL_REQUEST_BODY_LIMIT } from '../markdown/github-limits.js';
import { textSize } from '../markdown/text-size.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';
import { untrustedInlineWithCode } from '../markdown/untrusted-inline-with-code.js';
import type { ModeDecision } from '../risk/effective-mode.js';
import { renderCoverageSections, strategyHadEffect } from './coverage-sections.js';
import { renderModeDecision } from './mode-decision-section.js';
import type { TokenUsage } from '../../generation/model-provider.js';

const MODE_CHECKLIST: Record<ExecutionMode, readonly string[]> = {
  automated: ['All validation gates passed', 'Risk is low (otherwise this falls back to guided review)'],
  guided: [
    'Review the CloudFormation template (IAM, replacements, public exposure)',
    'Review the source and its tests',
    'Approve this PR to pass the `implementation-agent/approval` check',
  ],
  manual: [
    'This is a **manual-mode** pull request: a specification (`docs/implementation/`), pending acceptance tests and scaffolding, no implementation',
    'Implement the specification on this branch and push: the agent runs its gates on every push and reviews it',
    'Turn each pending acceptance test (`it.todo`) into a real one and make it pass',
    'Approve this PR (someone with write access) to pass the `implementation-agent/approval` check',
  ],
  hybrid: ['Check the risk assessment: high-risk changes need an approving review'],
};

/**
 * Where the body is read: on a pull request the agent watches, or in the CLI's `pr-body.md`
 * beside a local commit, where no check, review or push event exists yet.
 */
export type PrBodyChannel = 'pull-request' | 'local';

/** What to do with a local commit where the pull-request checklist names GitHub's checks and events. */
const LOCAL_APPROVAL =
  'Push the branch and open a pull request: where the agent runs on the repository, an approving review by someone with write access passes its `implementation-agent/approval` check';
const LOCAL_CHECKLIST: Partial<Record<ExecutionMode, readonly string[]>> = {
  guided: [...MODE_CHECKLIST.guided.slice(0, -1), LOCAL_APPROVAL],
  manual: [
    'This is a **manual-mode** change: a specification (`docs/implementation/`), pending acceptance tests and scaffolding, no implementation',
    'Implement the specification on this branch; where the agent runs on the repository, it runs its gates on every push to the pull request and reviews it',
    'Turn each pending acceptance test (`it.todo`) into a real one and make it pass',
    LOCAL_APPROVAL,
  ],
};

function checklistFor(mode: ExecutionMode, channel: PrBodyChannel): readonly string[] {
  return (channel === 'local' ? LOCAL_CHECKLIST[mode] : undefined) ?? MODE_CHECKLIST[mode];
}

/** The least room the file table keeps when the other sections are long: its head and the note. */
const MIN_FILE_TABLE = 400;

/**
 * The PR body (DESIGN §6): what a reviewer needs, in the order they need it. Request fields are
 * shown literally; the model's summary, plan and risk notes keep their inline code spans and
 * nothing else (`untrustedInlineWithCode`). Always within GitHub's 65,536-character limit: the
 * file table, the part that grows with the change, gets the room the other sections leave and
 * ends with "…and N more"; `Closes #N` is always kept, last.
 */
export function renderPrBody(params: {
  request: RequestPayload;
  bundle: ArtifactBundle;
  report: GateReport;
  usage: TokenUsage;
  model: string;
  attempts: number;
  issueNumber?: number;
  /** The mode the task runs in and the risk classifier's reasons (`effectiveMode`); shown under risk assessment. */
  decision?: ModeDecision;
  /** Default `pull-request`; `local` words the checklist for a commit no pull request holds yet. */
  channel?: PrBodyChannel;
}): string {
  const { bundle } = params;
  const limit = PULL_REQUEST_BODY_LIMIT;
  const closing = params.issueNumber === undefined ? '\n' : `\n\nCloses #${params.issueNumber}\n`;
  const fileTable = ['| File | Role | Size |', '| --- | --- | ---: |', ...bundle.files.map(fileRow)].join(
    '\n',
  );
  const whole = `${sectionsAround(params, fileTable)}${closing}`;
  if (textSize(whole, limit.unit) <= limit.max) return whole;
  const room = limit.max - textSize(`${sectionsAround(params, '')}${closing}`, limit.unit);
  const files = fitBody({ body: fileTable, limit, budget: Math.max(room, MIN_FILE_TABLE) });
  const body = fitBody({
    body: sectionsAround(params, files),
    limit,
    budget: limit.max - textSize(closing, limit.unit),
  });
  return `${body}${closing}`;
}

function sectionsAround(params: Parameters<typeof renderPrBody>[0], fileTable: string): string {
  const { request, bundle, report, usage } = params;
  const exec = request.execution_request;
  // Coverage is checked against the generated files here, so the PR never repeats an unchecked claim.
  const coverage = bundle.coverage === undefined ? undefined : checkCoverage(bundle);
  const strategy =
    exec.deployment_strategy && strategyHadEffect(coverage) ? exec.deployment_strategy : undefined;
  return [
    `## ${untrustedInline(exec.task_name)}`,
    untrustedInlineWithCode(bundle.summary),
    `**Type** ${exec.task_type} · **Mode** ${exec.execution_mode} · **Target** ${untrustedInline(exec.target_environment)}` +
      (strategy ? ` · **Strategy** ${strategy}` : ''),
    '### Plan',
    bundle.plan.map((step, index) => `${index + 1}. ${untrustedInlineWithCode(step)}`).join('\n'),
    ...renderCoverageSections(coverage),
    '### Files',
    fileTable,
    '### Validation',
    formatGateReportMarkdown(report),
    '### Risk assessment',
    ...(params.decision ? [renderModeDecision(params.decision)] : []),
    (params.decision && bundle.riskNotes.length ? 'Notes from the generator:\n\n' : '') +
      (bundle.riskNotes.length
        ? bundle.riskNotes.map((note) => `- ${untrustedInlineWithCode(note)}`).join('\n')
        : '- No risks noted.'),
    '### Generation',
    `Model ${codeSpan(params.model)}, ${params.attempts} attempt(s), ${usage.inputTokens} input / ${usage.outputTokens} output tokens` +
      ` (${usage.cacheReadTokens} cache read, ${usage.cacheWriteTokens} cache write), cost $${usage.costUsd.toFixed(4)}.`,
    '### Checklist',
    checklistFor(params.decision?.effective ?? exec.execution_mode, params.channel ?? 'pull-request')
      .map((item) => `- [ ] ${item}`)
      .join('\n'),
  ].join('\n\n');
}

function fileRow(file: ArtifactBundle['files'][number]): string {
  const bytes = Buffer.byteLength(file.content, 'utf8');
  return `| ${codeSpan(file.path, { inTableCell: true })} | ${file.role} | ${bytes.toLocaleString('en-US')} B |`;
}
