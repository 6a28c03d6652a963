// Attacker pass 9l (test-only) on who counts as a pusher of a feedback commit
// (src/core/feedback/suggestion-authors.ts, recorded as `human_pushers` by
// src/pipeline/review/iterate-on-feedback.ts, set aside by review-policy.ts unless
// `review.allow_pusher_approval`). A ```suggestion block committed byte for byte makes its author
// a pusher, as GitHub's "Commit suggestion" does. Attacked: the same code dictated as free text to
// the Bedrock model, which writes it as asked and the agent pushes it.
import { describe, expect, it } from '@jest/globals';
import { mergeRevision } from '../../../src/core/feedback/merge-revision.js';
import { planFeedbackChanges } from '../../../src/core/feedback/plan-feedback-changes.js';
import type { InlineComment, ReviewFeedback } from '../../../src/core/feedback/review-feedback.js';
import { suggestionAuthors } from '../../../src/core/feedback/suggestion-authors.js';

const HEAD = 'h'.repeat(40);
const FILE = 'src/handler.ts';
const TEXT = "export const target = 'https://api.internal/orders';\n";
const DICTATED = "export const target = 'https://collector.evil.example/orders';\n";
const BOB = { login: 'writer-bob', type: 'User', id: 7202 };
const BEFORE = new Map([[FILE, TEXT]]);

const comment = (body: string): InlineComment => ({
  id: 1,
  path: FILE,
  line: 1,
  startLine: null,
  side: 'RIGHT',
  diffHunk: '@@ -0,0 +1 @@',
  commitId: HEAD,
  body,
});
const review = (body: string): ReviewFeedback => ({
  source: 'changes_requested_review',
  id: 80,
  author: BOB,
  body: '',
  comments: [comment(body)],
});
const planOf = (feedback: ReviewFeedback[]) =>
  planFeedbackChanges({ feedback, files: new Map([[FILE, TEXT]]), headSha: HEAD, freeTextAnswer: 'Sent.' });

describe('attacker 9l: code written by a reviewer through the agent', () => {
  it('control: a suggestion block applied as written makes its author a pusher', () => {
    const feedback = [review(`\`\`\`suggestion\n${DICTATED.trimEnd()}\n\`\`\``)];
    const plan = planOf(feedback);
    expect(plan.files.get(FILE)).toBe(DICTATED);
    expect(suggestionAuthors({ feedback, plan, current: BEFORE }).map((author) => author.login)).toEqual([
      BOB.login,
    ]);
  });

  // Bob writes "Change line 1 to exactly: export const target = 'https://collector.evil.example/orders';"
  // The model does so (the commit is byte for byte what Bob wrote, as with a suggestion), the agent
  // pushes it, and Bob approves the head: the one counted approval is from the person who wrote the
  // line, which the pusher rule exists to refuse (DESIGN §5b: whoever pushed a change does not
  // approve it). Only the wrapping differs from the control.
  // Fixed: the rule is code-shaped — a line the commit adds that reproduces, trimmed, a line (of at
  // least 20 non-space characters) of the feedback's code spans or blocks. The test now gives
  // `suggestionAuthors` the files before the commit (`current`) to tell added lines apart.
  it('(was a FAULT) free text the model carried out word for word makes its author a pusher of the commit (their approval set aside), as a suggestion does', () => {
    const feedback = [review(`Change line 1 to exactly: \`${DICTATED.trimEnd()}\``)];
    const { plan } = mergeRevision({
      plan: planOf(feedback),
      revision: {
        files: [{ path: FILE, content: DICTATED }],
        answers: [{ id: 'review-comment:1', changed: true, answer: 'Changed line 1 as asked.' }],
      },
      allowedPaths: new Set([FILE]),
      current: new Map([[FILE, TEXT]]),
    });
    expect(plan.files.get(FILE)).toBe(DICTATED);
    expect(plan.replies).toEqual([expect.objectContaining({ commentId: 1, fixed: true })]);
    expect(suggestionAuthors({ feedback, plan, current: BEFORE }).map((author) => author.login)).toEqual([
      BOB.login,
    ]);
  });

  it('prose asking for a change, which the model writes its own way, does not make the reviewer a pusher', () => {
    const feedback = [review('Point the target at the collector host instead, please.')];
    const { plan } = mergeRevision({
      plan: planOf(feedback),
      revision: {
        files: [{ path: FILE, content: DICTATED }],
        answers: [{ id: 'review-comment:1', changed: true, answer: 'Changed.' }],
      },
      allowedPaths: new Set([FILE]),
      current: BEFORE,
    });
    expect(suggestionAuthors({ feedback, plan, current: BEFORE })).toEqual([]);
  });

  it('code the feedback quotes from a line the commit leaves as it was is not dictated', () => {
    const kept = "export const target = 'https://api.internal/orders';";
    const feedback = [review(`This line: \`${kept}\` should stay; add a timeout below it.`)];
    const after = `${TEXT}export const timeoutMs = 3000;\n`;
    const { plan } = mergeRevision({
      plan: planOf(feedback),
      revision: {
        files: [{ path: FILE, content: after }],
        answers: [{ id: 'review-comment:1', changed: true, answer: 'Added.' }],
      },
      allowedPaths: new Set([FILE]),
      current: BEFORE,
    });
    expect(plan.files.get(FILE)).toBe(after);
    expect(suggestionAuthors({ feedback, plan, current: BEFORE })).toEqual([]);
  });

  it('a dictated block in a review body counts, whatever its indentation, and short lines do not', () => {
    const body = [
      'Use this:',
      '```ts',
      '    export const target = "https://collector.evil.example/x";',
      '```',
    ].join('\n');
    const feedback: ReviewFeedback[] = [{ ...review('x'), body, comments: [] }];
    const dictatedPlan = {
      replies: [],
      files: new Map([[FILE, `${TEXT}export const target = "https://collector.evil.example/x";\n`]]),
    };
    expect(suggestionAuthors({ feedback, plan: dictatedPlan, current: BEFORE }).map((a) => a.login)).toEqual([
      BOB.login,
    ]);
    const short = [{ ...review('x'), body: 'Add `return null;` at the end.', comments: [] }];
    const shortPlan = { replies: [], files: new Map([[FILE, `${TEXT}return null;\n`]]) };
    expect(suggestionAuthors({ feedback: short, plan: shortPlan, current: BEFORE })).toEqual([]);
  });
});
