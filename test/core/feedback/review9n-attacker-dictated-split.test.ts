// Attacker pass 9n (test-only) on dictated code (src/core/feedback/dictated-code-lines.ts,
// suggestion-authors.ts): a reviewer whose code the commit carries is a pusher, whose approval the
// pusher rule sets aside. `dictatedText` joins a review's texts with a newline "so no match runs
// from one into the next", and a block counts only as one run found in one text: a block made of
// lines each under the 20-character bound, dictated one line per text (the review body and an
// inline comment), is written by the model as one block, and its reviewer stays free to approve.
// Fixed: all texts of one author in the batch are matched together, line by line, in any order
// (a line may also be split once between two texts), bounded by MAX_DICTATED_TEXT_CHARS.
import { describe, expect, it } from '@jest/globals';
import type { ReviewFeedback } from '../../../src/core/feedback/review-feedback.js';
import { isDictatedLine, MAX_DICTATED_TEXT_CHARS } from '../../../src/core/feedback/dictated-code-lines.js';
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
const authorsFor = (...feedback: ReviewFeedback[]) =>
  suggestionAuthors({
    feedback,
    plan: { replies: [], files: new Map([[FILE, AFTER]]) },
    current: BEFORE,
  }).map((author) => author.login);

describe('attacker 9n: one dictated block split across the texts of one review', () => {
  it('refused: the block dictated in one text makes its reviewer a pusher', () => {
    expect(authorsFor(review(fence('"Action": "*",\n"Resource": "*"'), []))).toEqual([BOB.login]);
  });

  it('line 3 dictated in one inline comment and line 4 in the next, written as one block, makes the reviewer a pusher (was a FAULT)', () => {
    expect(
      authorsFor(review('See the comments.', [fence('"Action": "*",'), fence('"Resource": "*"')])),
    ).toEqual([BOB.login]);
  });

  it('line 3 dictated in the review body and line 4 in an inline comment makes the reviewer a pusher (was a FAULT)', () => {
    expect(authorsFor(review(fence('"Action": "*",'), [fence('"Resource": "*"')]))).toEqual([BOB.login]);
  });

  it('the lines dictated in reverse order (line 4 in the body, line 3 in a comment) still count', () => {
    expect(authorsFor(review(fence('"Resource": "*"'), [fence('"Action": "*",')]))).toEqual([BOB.login]);
  });

  it('one line per comment, the comments listed in reverse order, still counts', () => {
    expect(authorsFor(review('', [fence('"Resource": "*"'), fence('"Action": "*",')]))).toEqual([BOB.login]);
  });

  it('a line split between two texts ("Action": in one, "*", in the other, either order) counts', () => {
    expect(authorsFor(review(fence('"*",\n"Resource": "*"'), [fence('"Action":')]))).toEqual([BOB.login]);
  });

  it('the lines dictated in two feedback items of the same author (a review and an /implement comment) count', () => {
    const implement: ReviewFeedback = {
      source: 'implement_comment',
      id: 81,
      author: { ...BOB, login: 'Writer-Bob' },
      body: '"Resource": "*"',
      comments: [],
    };
    expect(authorsFor(review(fence('"Action": "*",'), []), implement)).toEqual([BOB.login]);
  });

  it('control: one line dictated (under 20 characters) and the rest written by the model is not dictation', () => {
    expect(authorsFor(review('See the comments.', [fence('"Action": "*",')]))).toEqual([]);
  });

  it('control: prose that names the values in several comments does not dictate the lines', () => {
    expect(
      authorsFor(review('Widen it.', ['Allow any action.', 'Use a wildcard resource "*" for now.'])),
    ).toEqual([]);
  });

  it('feedback too long to compare sets its author aside as a pusher (the safe side)', () => {
    const long = Array.from({ length: Math.ceil(MAX_DICTATED_TEXT_CHARS / 60_000) + 1 }, () =>
      'x'.repeat(60_000),
    );
    expect(authorsFor(review('', long))).toEqual([BOB.login]);
  });

  it('isDictatedLine: whole in one text, split once between two, not in three pieces (the texts joined in order catch those)', () => {
    expect(isDictatedLine('"Action":"*",', 'x\n"Action":"*",')).toBe(true);
    expect(isDictatedLine('"Action":"*",', '"*",\n"Action":')).toBe(true);
    expect(isDictatedLine('"Action":"*",', '"Act\nion":\n"*",')).toBe(false);
    expect(isDictatedLine('consttable=process.env.ORDERS;', 'process.env.ORDERS')).toBe(false);
  });

  it('a line running over three texts in the order they are listed counts', () => {
    // `\*` is a literal asterisk as GitHub renders it.
    expect(authorsFor(review('', ['"Action"', ':', '"\\*",', fence('"Resource": "*"')]))).toEqual([
      BOB.login,
    ]);
  });
});
