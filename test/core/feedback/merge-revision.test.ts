import { mergeRevision } from '../../../src/core/feedback/merge-revision.js';
import { FREE_TEXT_OFFLINE, planFeedbackChanges } from '../../../src/core/feedback/plan-feedback-changes.js';
import type { InlineComment, ReviewFeedback } from '../../../src/core/feedback/review-feedback.js';

const HEAD = 'h'.repeat(40);
const FILE = 'src/handler.ts';
const TEXT = "export const tableName = 'orders';\n";
const comment = (id: number, body: string, path = FILE): InlineComment => ({
  id,
  path,
  line: 1,
  startLine: null,
  side: 'RIGHT',
  diffHunk: '@@ -0,0 +1 @@',
  commitId: HEAD,
  body,
});
const review = (comments: InlineComment[], body = ''): ReviewFeedback => ({
  source: 'changes_requested_review',
  id: 80,
  author: { login: 'maintainer', type: 'User' },
  body,
  comments,
});
const planOf = (feedback: ReviewFeedback[]) =>
  planFeedbackChanges({
    feedback,
    files: new Map([[FILE, TEXT]]),
    headSha: HEAD,
    freeTextAnswer: FREE_TEXT_OFFLINE,
  });
const merge = (feedback: ReviewFeedback[], revision: Parameters<typeof mergeRevision>[0]['revision']) =>
  mergeRevision({
    plan: planOf(feedback),
    revision,
    allowedPaths: new Set([FILE]),
    current: new Map([[FILE, TEXT]]),
  });

const NEW_TEXT = "export const tableName = process.env.TABLE_NAME ?? 'orders';\n";

describe('mergeRevision: the model’s files and answers into the one commit', () => {
  it('takes the touched file, answers the thread with what changed and marks it fixed', () => {
    const { plan, refused } = merge([review([comment(1, 'Read it from TABLE_NAME')])], {
      files: [{ path: FILE, content: NEW_TEXT }],
      answers: [{ id: 'review-comment:1', changed: true, answer: 'Reads TABLE_NAME now.' }],
    });
    expect(refused).toEqual([]);
    expect([...plan.files]).toEqual([[FILE, NEW_TEXT]]);
    expect(plan.replies).toEqual([{ commentId: 1, body: 'Changed: Reads TABLE_NAME now.', fixed: true }]);
  });

  it.each([
    ['a path the feedback does not touch', 'src/other.ts', 'not one of the files the model was shown'],
    ['a workflow', '.github/workflows/deploy.yml', '.github/'],
    ['a path under .github even in another case', '.GitHub/CODEOWNERS', '.github/'],
  ])('refuses %s and the thread is not fixed', (_what, path, why) => {
    const { plan, refused } = merge([review([comment(1, 'Read it from TABLE_NAME')])], {
      files: [{ path, content: 'x\n' }],
      answers: [{ id: 'review-comment:1', changed: true, answer: 'Done.' }],
    });
    expect(plan.files.size).toBe(0);
    expect(refused).toEqual([expect.stringContaining(why)]);
    expect(plan.replies[0]).toMatchObject({
      fixed: false,
      body: expect.stringMatching(/^Not changed: .*refused/),
    });
  });

  it('refuses a workflow even when the feedback is on it', () => {
    const workflow = '.github/workflows/deploy.yml';
    const { plan, refused } = mergeRevision({
      plan: planOf([review([comment(1, 'pin the action', workflow)])]),
      revision: {
        files: [{ path: workflow, content: 'on: push\n' }],
        answers: [{ id: 'review-comment:1', changed: true, answer: 'Pinned.' }],
      },
      allowedPaths: new Set([workflow]),
      current: new Map([[workflow, 'on: [push]\n']]),
    });
    expect(plan.files.size).toBe(0);
    expect(refused).toEqual([expect.stringContaining('never changes files under `.github/`')]);
    expect(plan.replies[0]?.fixed).toBe(false);
  });

  it('refuses a file that would write a redaction marker over a credential', () => {
    const { plan, refused } = merge([review([comment(1, 'tidy')])], {
      files: [{ path: FILE, content: "const key = '[REDACTED:aws-access-key-id]';\n" }],
      answers: [{ id: 'review-comment:1', changed: true, answer: 'Tidied.' }],
    });
    expect(plan.files.size).toBe(0);
    expect(refused[0]).toContain('redaction marker');
  });

  it('a body is answered in place of the default line; an unanswered item says so; a no-op file is dropped', () => {
    const { plan } = merge([review([], 'Rename the table'), { ...review([comment(2, 'why?')]), id: 81 }], {
      files: [{ path: FILE, content: TEXT }],
      answers: [
        { id: 'review:80', changed: false, answer: 'Renaming would replace the table; @someone #1 <b>' },
      ],
    });
    expect(plan.files.size).toBe(0);
    expect(plan.unanswered).toEqual([
      expect.stringMatching(
        /^@maintainer: Not changed: Renaming would replace the table; @\u200bsomeone #\u200b1/,
      ),
    ]);
    expect(plan.unanswered.join('')).not.toContain('<b>');
    expect(plan.replies[0]).toMatchObject({
      fixed: false,
      body: 'Not changed: the model gave no answer for this feedback.',
    });
  });

  it('keeps applied suggestions and leaves their threads as they were', () => {
    const { plan } = merge(
      [
        review([
          comment(1, '```suggestion\nexport const a = 1;\n```'),
          comment(2, 'and add a comment', FILE),
        ]),
      ],
      {
        files: [{ path: FILE, content: '// orders\nexport const a = 1;\n' }],
        answers: [{ id: 'review-comment:2', changed: true, answer: 'Added.' }],
      },
    );
    expect(plan.files.get(FILE)).toBe('// orders\nexport const a = 1;\n');
    expect(plan.replies.map((reply) => [reply.commentId, reply.fixed])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(plan.replies[0]?.body).toContain('Applied the suggestion');
  });
});
