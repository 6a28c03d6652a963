// Attacker pass 9n (test-only) on dictated code (src/core/feedback/dictated-code-lines.ts,
// suggestion-authors.ts): a reviewer whose code the commit carries is a pusher, whose approval the
// pusher rule sets aside. `dictatedText` joins a review's texts with a newline "so no match runs
// from one into the next", and a block counts only as one run found in one text: a block made of
// lines each under the 20-character bound, dictated one line per text (the review body and an
// inline comment), is written by the model as one block, and its reviewer stays free to approve.
import { describe, expect, it } from '@jest/globals';
import type { ReviewFeedback } from '../../../src/core/feedback/review-feedback.js';
import { suggestionAuthors } from '../../../src/core/feedback/suggestion-authors.js';

const FILE = 'infra/policy.json';
const BEFORE = new Map([
  [FILE, '{\n  "Effect": "Allow",\n  "Action": "s3:GetObject",\n  "Resource": "arn:aws:s3:::b/*"\n}\n'],
]);
const AFTER = '{\n  "Effect": "Allow",\n  "Action": "*",\n  "Resource": "*"\n}\n';
const BOB = { login: 'writer-bob', type: 'User', id: 7202 };

const review = (body: string, comments: string[]): ReviewFeedback => ({
  source: 'changes_requested_review',
  id: 80,
  author: BOB,
  body,
  comments: comments.map((text, index) => ({
    id: 800 + index,
    path: FILE,
    line: 3 + index,
    startLine: null,
    side: 'RIGHT',
    diffHunk: '@@',
    commitId: 'h'.repeat(40),
    body: text,
  })),
});
/** Code as a reviewer writes it (a fence: `*` is not read as emphasis). */
const fence = (code: string) => '```json\n' + code + '\n```';
const authorsFor = (feedback: ReviewFeedback) =>
  suggestionAuthors({
    feedback: [feedback],
    plan: { replies: [], files: new Map([[FILE, AFTER]]) },
    current: BEFORE,
  }).map((author) => author.login);

describe('attacker 9n: one dictated block split across the texts of one review', () => {
  it('refused: the block dictated in one text makes its reviewer a pusher', () => {
    expect(authorsFor(review(fence('"Action": "*",\n"Resource": "*"'), []))).toEqual([BOB.login]);
  });

  it.failing(
    'FAULT: line 3 dictated in one inline comment and line 4 in the next, written as one block, makes the reviewer a pusher',
    () => {
      expect(
        authorsFor(review('See the comments.', [fence('"Action": "*",'), fence('"Resource": "*"')])),
      ).toEqual([BOB.login]);
    },
  );

  it.failing(
    'FAULT: line 3 dictated in the review body and line 4 in an inline comment makes the reviewer a pusher',
    () => {
      expect(authorsFor(review(fence('"Action": "*",'), [fence('"Resource": "*"')]))).toEqual([BOB.login]);
    },
  );
});
