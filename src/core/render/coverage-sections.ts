import type { RequirementCoverage, RequirementSource } from '../bundle/requirement-coverage.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';

const STATUS_LABEL: Readonly<Record<RequirementCoverage['status'], string>> = {
  covered: '✅ covered',
  partial: '⚠️ partial',
  not_covered: '❌ not covered',
};

/**
 * The PR body's "Requirements" table and "Not covered" list, from checked coverage rows
 * (`checkCoverage`). `undefined` means the provider reported none, which is said rather than hidden.
 */
export function renderCoverageSections(rows: readonly RequirementCoverage[] | undefined): string[] {
  if (rows === undefined) {
    return [
      '### Requirements',
      'The provider did not report which generated code and tests answer each user story; check every story against the tests before approving.',
    ];
  }
  if (rows.length === 0)
    return ['### Requirements', 'The request had no user stories, description or settings to check.'];
  const table = [
    '| Requirement | Status | Implemented by | Tests |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${cell(`${sourceLabel(row.source)}: ${row.text}`)} | ${STATUS_LABEL[row.status]} | ${cell(row.implementedBy ?? '—')} | ${
          row.tests.length === 0 ? '—' : row.tests.map((test) => cell(test.title)).join('<br>')
        } |`,
    ),
  ];
  const open = rows.filter((row) => row.status !== 'covered');
  const notCovered =
    open.length === 0
      ? 'Nothing: every user story, description sentence and setting is answered by generated code, with the tests above.'
      : open
          .map(
            (row) =>
              `- **${sourceLabel(row.source)}** (${STATUS_LABEL[row.status]}) ${cell(row.text)} — ${cell(row.gaps.join('; ') || 'not generated')}`,
          )
          .join('\n');
  return ['### Requirements', table.join('\n'), '### Not covered', notCovered];
}

/** Whether the request's `deployment_strategy` shaped the output; unknown (no coverage reported) counts as yes. */
export function strategyHadEffect(rows: readonly RequirementCoverage[] | undefined): boolean {
  const row = rows?.find((candidate) => candidate.source.kind === 'setting');
  return row === undefined || row.status !== 'not_covered';
}

function sourceLabel(source: RequirementSource): string {
  if (source.kind === 'story') return `Story ${source.number}`;
  if (source.kind === 'description') return `Description, sentence ${source.sentence}`;
  return source.name;
}

/** Request text and generated descriptions are untrusted: shown literally, in a table cell or a line. */
function cell(text: string): string {
  return untrustedInline(text);
}
