import type { RequirementCoverage } from '../../../core/bundle/requirement-coverage.js';

/**
 * The acceptance tests of a manual-mode bundle: one `describe` per requirement of the request and
 * one `it.todo` per criterion (the title of the test the blueprint would have written for it, or
 * the requirement itself when none would). Jest reports `it.todo` as pending ("Tests: N todo") and
 * passes, so the project's own `npm test` says what is left rather than crashing on code that is
 * not written yet; the human turns each `it.todo` into a real `it` as they implement it.
 * Requirement text is the requester's (untrusted): it only ever appears inside a JSON string literal.
 */
export function acceptanceTests(params: {
  readonly coverage: readonly RequirementCoverage[];
  readonly specification: string;
}): string {
  const blocks = params.coverage.map((row, index) => {
    const criteria = row.tests.length === 0 ? [row.text] : row.tests.map((test) => test.title);
    const todos = [...new Set(criteria)].map((title) => `  it.todo(${JSON.stringify(title)});`);
    return [
      `describe(${JSON.stringify(`${label(row)}: ${row.text}`.slice(0, 300))}, () => {`,
      ...todos,
      '});',
    ]
      .join('\n')
      .concat(index === params.coverage.length - 1 ? '' : '\n');
  });
  return [
    `// Acceptance tests for ${params.specification} (manual mode).`,
    '// Each criterion is pending (it.todo) until it is implemented: replace it with a real test then.',
    '',
    ...(blocks.length === 0 ? ["it.todo('the specification is implemented');"] : blocks),
    '',
  ].join('\n');
}

function label(row: RequirementCoverage): string {
  switch (row.source.kind) {
    case 'story':
      return `Story ${row.source.number}`;
    case 'description':
      return `Description ${row.source.sentence}`;
    case 'setting':
      return `Setting ${row.source.name}`;
  }
}
