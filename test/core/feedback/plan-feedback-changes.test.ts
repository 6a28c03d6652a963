import { FREE_TEXT_OFFLINE, planFeedbackChanges } from '../../../src/core/feedback/plan-feedback-changes.js';
import type { InlineComment, ReviewFeedback } from '../../../src/core/feedback/review-feedback.js';

const HEAD = 'h'.repeat(40);
const comment = (id: number, body: string, line: number, startLine: number | null = null): InlineComment => ({
  id,
  path: 'src/handler.ts',
  line,
  startLine,
  side: 'RIGHT',
  diffHunk: '@@ -1,3 +1,3 @@',
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
const plan = (feedback: ReviewFeedback[], text = 'a\r\nb\r\nc\r\nd\r\n') =>
  planFeedbackChanges({
    feedback,
    files: new Map([['src/handler.ts', text]]),
    headSha: HEAD,
    freeTextAnswer: FREE_TEXT_OFFLINE,
  });

describe('planFeedbackChanges: one commit for a review, and an answer for every comment', () => {
  it('applies two suggestions to one CRLF file, the later one shifted by the earlier', () => {
    const result = plan([
      review([comment(1, '```suggestion\r\nA1\r\nA2\r\n```', 1), comment(2, '```suggestion\r\n```', 4, 3)]),
    ]);
    expect(result.files.get('src/handler.ts')).toBe('A1\r\nA2\r\nb\r\n');
    expect(result.replies.map((reply) => reply.fixed)).toEqual([true, true]);
  });

  it('refuses a suggestion overlapping one already applied, and answers free text honestly', () => {
    const result = plan([
      review([
        comment(1, '```suggestion\nX\n```', 2),
        comment(2, '```suggestion\nY\n```', 3, 2),
        comment(3, 'rename this', 1),
      ]),
    ]);
    expect(result.files.get('src/handler.ts')).toBe('a\r\nX\r\nc\r\nd\r\n');
    expect(result.replies[1]).toMatchObject({
      fixed: false,
      body: expect.stringContaining('already changed'),
    });
    expect(result.replies[2]).toMatchObject({ fixed: false, body: FREE_TEXT_OFFLINE });
    expect(FREE_TEXT_OFFLINE).toContain('Bedrock');
  });

  it('changes nothing for a free-text review body and says so once', () => {
    const result = plan([review([], 'Please use a DynamoDB table')]);
    expect(result.files.size).toBe(0);
    expect(result.unanswered).toEqual([`@maintainer: ${FREE_TEXT_OFFLINE}`]);
  });

  it('refuses a suggestion on a file that is not text on the branch', () => {
    const result = planFeedbackChanges({
      feedback: [review([{ ...comment(1, '```suggestion\nx\n```', 1), path: 'logo.png' }])],
      files: new Map(),
      headSha: HEAD,
      freeTextAnswer: FREE_TEXT_OFFLINE,
    });
    expect(result.replies[0]).toMatchObject({ fixed: false, body: expect.stringContaining('logo.png') });
  });
});
