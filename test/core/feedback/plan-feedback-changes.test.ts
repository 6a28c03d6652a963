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

  describe('answers only what was not handled (no free-text noise)', () => {
    const SUGGESTION = '```suggestion\r\nA\r\n```';

    it.each([
      ['an empty body', ''],
      ['a body that only repeats the applied suggestion', SUGGESTION],
      ['a body of whitespace', '\r\n  \r\n'],
    ])('a review with an applied suggestion and %s gets no free-text answer', (_what, body) => {
      const result = plan([review([comment(1, SUGGESTION, 1)], body)]);
      expect(result.replies).toEqual([expect.objectContaining({ fixed: true })]);
      expect(result.unanswered).toEqual([]);
      expect(result.freeText).toEqual([]);
    });

    it('a blank inline comment is no free text', () => {
      const result = plan([review([comment(1, ' \r\n ', 1)])]);
      expect(result.replies[0]).toMatchObject({
        fixed: false,
        body: expect.stringContaining('Nothing to apply'),
      });
      expect(result.freeText).toEqual([]);
    });

    it('an inline comment of prose around its suggestion is a suggestion, not free text', () => {
      const result = plan([review([comment(1, `Use the env:\r\n${SUGGESTION}\r\nthanks`, 1)])]);
      expect(result.replies[0]?.fixed).toBe(true);
      expect(result.freeText).toEqual([]);
    });

    it('a body beside inline comments is context for a reviser, not answered offline', () => {
      const result = plan([review([comment(1, SUGGESTION, 1)], 'Also rename the table')]);
      expect(result.unanswered).toEqual([]);
      expect(result.freeText).toEqual([
        { id: 'review:80', author: 'maintainer', text: 'Also rename the table' },
      ]);
    });

    it('lists each free-text comment with its thread, and a lone body with the line it was answered with', () => {
      const result = plan([
        review([comment(3, 'rename this', 2)]),
        { ...review([], 'Use DynamoDB'), id: 81 },
      ]);
      expect(result.freeText).toEqual([
        expect.objectContaining({
          id: 'review-comment:3',
          text: 'rename this',
          comment: expect.objectContaining({ id: 3 }),
        }),
        {
          id: 'review:81',
          author: 'maintainer',
          text: 'Use DynamoDB',
          note: `@maintainer: ${FREE_TEXT_OFFLINE}`,
        },
      ]);
    });
  });
});
