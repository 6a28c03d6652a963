import { codeSpan } from '../markdown/code-span.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';
import type { RequestChannel } from './execution-request.js';
import { ISSUE_FORM_FIELDS } from './issue-form-fields.js';
import { MINIMAL_REQUEST_EXAMPLE } from './minimal-request-example.js';
import type { RequestFieldError } from './request-field-error.js';

const NEXT_STEP: Record<RequestChannel, string> = {
  'issue-form': 'Edit the issue to fix the fields above, then comment `/implement` to run it again.',
  'issue-payload':
    'Edit the payload in the issue (or comment) to fix the fields above, then comment `/implement` to run it again.',
  workflow_dispatch:
    'Run the workflow again with a corrected `request` input (or corrected individual inputs).',
  repository_dispatch: 'Send the `implementation-request` event again with a corrected `client_payload`.',
  file: 'Fix the request file and run again.',
  api: 'Send the request again with a corrected body.',
};

/**
 * A form user is pointed at the form field (our own label, and the story's position); everyone
 * else at the payload path, which may hold the sender's own keys, so it is code-spanned.
 */
function fieldCell(field: string, channel: RequestChannel): string {
  if (channel === 'issue-form') {
    const formField = ISSUE_FORM_FIELDS.find((candidate) => {
      const path = candidate.path?.join('.');
      return candidate.id === field || path === field || (path !== undefined && field.startsWith(`${path}.`));
    });
    if (formField) {
      const item = /\.(\d+)$/.exec(field)?.[1];
      const position = item === undefined || formField.id === field ? '' : ` (line ${Number(item) + 1})`;
      return `**${formField.label}** form field${position}`;
    }
  }
  return codeSpan(field, { inTableCell: true });
}

function exampleSection(channel: RequestChannel): string[] {
  const json = ['```json', JSON.stringify(MINIMAL_REQUEST_EXAMPLE, null, 2), '```'];
  if (channel !== 'issue-form') return ['**A minimal valid request:**', '', ...json];
  // The required form fields are exactly the execution_request fields the example fills, under the same ids.
  const exampleValues: Readonly<Record<string, string>> = MINIMAL_REQUEST_EXAMPLE.execution_request;
  const filled = ISSUE_FORM_FIELDS.filter((field) => field.required).map(
    (field) => `- **${field.label}**: ${exampleValues[field.id] ?? ''}`,
  );
  return [
    '**Fill in at least these form fields**, for example:',
    '',
    ...filled,
    '',
    'Or replace the body with the payload in a fenced json block:',
    '',
    ...json,
  ];
}

/**
 * The one comment that answers a request that cannot run (DESIGN §2): every field error with its fix,
 * then a minimal valid example for the channel. Messages and fixes are plain text that quotes the
 * sender's values, so each is shown literally (`untrustedInline`): it cannot render markdown or
 * HTML, break the table or mention anyone. The status comment's writer keeps the whole within
 * GitHub's limit, cutting whole rows. `fromFile`: the request was read from a file (the CLI),
 * whatever its format, so the next step is to fix the file — not a comment on GitHub.
 */
export function formatRequestErrors(params: {
  readonly errors: readonly RequestFieldError[];
  readonly channel: RequestChannel;
  readonly fromFile?: boolean;
}): string {
  const count = params.errors.length;
  const rows = params.errors.map(
    (error) =>
      `| ${fieldCell(error.field, params.channel)} | ${untrustedInline(error.message)} | ${untrustedInline(error.fix)} |`,
  );
  return [
    '### ❌ This implementation request cannot run yet',
    '',
    `Nothing was generated. ${count === 1 ? 'One problem needs' : `${count} problems need`} fixing:`,
    '',
    '| Field | Problem | How to fix |',
    '| --- | --- | --- |',
    ...rows,
    '',
    ...exampleSection(params.channel),
    '',
    NEXT_STEP[params.fromFile ? 'file' : params.channel],
    '',
  ].join('\n');
}
