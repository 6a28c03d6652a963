import type { ArtifactBundle } from '../../../core/bundle/artifact-bundle.js';
import type { RequirementCoverage } from '../../../core/bundle/requirement-coverage.js';
import { codeSpan } from '../../../core/markdown/code-span.js';
import { untrustedInline } from '../../../core/markdown/untrusted-inline.js';
import { untrustedInlineWithCode } from '../../../core/markdown/untrusted-inline-with-code.js';
import type { BlueprintInput } from '../blueprint-input.js';

/**
 * The specification of a manual-mode task (`docs/implementation/<slug>.md`): the request, each
 * requirement (story, description sentence, setting) with its acceptance criteria, what the
 * blueprint would build (its summary, plan, files and risk notes: the resource model, routes or
 * resources), and what even the blueprint would not cover. `full` is the bundle the blueprint makes
 * in the other modes; only its description is used. Request text is untrusted: shown escaped.
 */
export function specificationDoc(params: {
  readonly input: BlueprintInput;
  readonly full: ArtifactBundle;
  readonly acceptanceTests: string;
  readonly scaffolding: readonly string[];
}): string {
  const { input, full } = params;
  const coverage = full.coverage ?? [];
  const gaps = coverage.filter((row) => row.status !== 'covered');
  return [
    `# ${untrustedInline(input.names.title)}: specification (manual mode)`,
    'This task runs in **manual mode**: the agent wrote this specification, acceptance tests and ' +
      'scaffolding, and no implementation. Implement it on this pull request branch; on every push ' +
      'the agent runs its validation gates on the files of the pull request and reviews them. ' +
      'An approving review from someone with write access is the approval, as in guided mode.',
    '## Request',
    [
      `- **Task** ${untrustedInline(input.names.title)} (${input.taskType})`,
      `- **Target environment** ${codeSpan(input.environment)}`,
      ...(input.strategy === undefined ? [] : [`- **Deployment strategy** ${input.strategy}`]),
      ...(input.description === undefined ? [] : [`- **Description** ${untrustedInline(input.description)}`]),
    ].join('\n'),
    '## Requirements and acceptance criteria',
    coverage.length === 0
      ? '_The request names no user stories._'
      : coverage.map(requirementSection).join('\n\n'),
    `The acceptance tests in ${codeSpan(params.acceptanceTests)} hold one pending test (\`it.todo\`) per criterion: ` +
      '`npm test` passes and lists them as todo; turn each into a real test as you implement it.',
    '## What to build',
    untrustedInlineWithCode(full.summary),
    full.plan.map((step, index) => `${index + 1}. ${untrustedInlineWithCode(step)}`).join('\n'),
    'In the other modes the blueprint writes these files:',
    full.files.map((file) => `- ${codeSpan(file.path)} (${file.role})`).join('\n'),
    ...(full.riskNotes.length === 0
      ? []
      : [
          '### Risks to keep in mind',
          full.riskNotes.map((note) => `- ${untrustedInlineWithCode(note)}`).join('\n'),
        ]),
    '## Scaffolding already here',
    params.scaffolding.map((path) => `- ${codeSpan(path)}`).join('\n'),
    '## Not covered by this specification',
    gaps.length === 0
      ? '_Every requirement has criteria above._'
      : gaps
          .map((row) => `- ${untrustedInline(row.text)}: ${row.gaps.map(untrustedInline).join('; ')}`)
          .join('\n'),
    '',
  ].join('\n\n');
}

function requirementSection(row: RequirementCoverage): string {
  const heading = `### ${untrustedInline(row.text)}`;
  const criteria =
    row.tests.length === 0 ? [row.implementedBy ?? row.text] : row.tests.map((test) => test.title);
  const resources =
    row.resources.length === 0
      ? []
      : [`Template resources: ${row.resources.map((id) => codeSpan(id)).join(', ')}`];
  return [
    heading,
    ...[...new Set(criteria)].map((criterion) => `- [ ] ${untrustedInline(criterion)}`),
    ...resources,
  ].join('\n');
}
