import { codeSpan } from '../markdown/code-span.js';
import { applySuggestion } from './apply-suggestion.js';
import { freeTextOf } from './free-text-of.js';
import { parseSuggestions } from './parse-suggestions.js';
import { feedbackTriggerKey, type InlineComment, type ReviewFeedback } from './review-feedback.js';

/** What to say under one inline comment, and whether its thread was fixed (and may be resolved). */
export interface ThreadReply {
  readonly commentId: number;
  /** The thread's first comment when `commentId` is a reply in it. */
  readonly inReplyToId?: number;
  readonly body: string;
  readonly fixed: boolean;
}

/** The one commit's files and every answer, worked out before anything is written. */
export interface FeedbackPlan {
  /** Path → the file's new text; only files a suggestion changed. */
  readonly files: ReadonlyMap<string, string>;
  readonly replies: readonly ThreadReply[];
  /** Review bodies and `/implement` comments the plan could not act on, with why, for one PR comment. */
  readonly unanswered: readonly string[];
  /** The free text in the feedback, for a provider that can revise files from it (`ModelProvider.revise`). */
  readonly freeText: readonly FreeTextFeedback[];
}

/**
 * One piece of free text: an inline comment without a suggestion block (`comment` set: its thread
 * is where it is answered) or a review's or `/implement` comment's body beyond its suggestion
 * blocks (`freeTextOf`).
 */
export interface FreeTextFeedback {
  /** `review-comment:<id>` for an inline comment, else the feedback's trigger key (`review:<id>`, `comment:<id>`). */
  readonly id: string;
  readonly author: string;
  readonly text: string;
  readonly comment?: InlineComment;
  /** The line the plan put in `unanswered` for it with `freeTextAnswer`, when it put one. */
  readonly note?: string;
}

/** Why free text is not acted on with the offline provider (issue #9 item 3: answer honestly). */
export const FREE_TEXT_OFFLINE =
  'The offline provider cannot rewrite code from free text. What it can do offline: apply ```suggestion blocks exactly as written, ' +
  'and regenerate the whole change from a corrected request block (edit the issue, or comment `/implement` there with the corrected block). ' +
  'Free-text changes need the Bedrock provider (`provider: bedrock` in `.github/implementation-agent.yml`).';

const NOTHING_TO_APPLY = 'Nothing to apply: the comment holds no suggestion and no text.';

/**
 * Works out the one commit that answers the feedback (pure): each inline comment's ```suggestion
 * block is applied to the head's text of its file (`applySuggestion`, byte-exact), in the order
 * GitHub listed the comments; a suggestion is refused with its reason when it is outdated, out of
 * range, one of several blocks in one comment, overlaps a suggestion already applied to the same
 * file, or its file is not readable text. Free text (a comment or review body without a
 * suggestion) is answered with `freeTextAnswer` and listed in `freeText`; a body's free text is
 * only what it says beyond its suggestion blocks, so a body holding nothing else is not answered
 * as free text. A review body beside inline comments is context for them: it is listed in
 * `freeText` but not answered with `freeTextAnswer` (its comments are). `files` holds the head's
 * text of every path the comments name that exists (absent: deleted or binary).
 */
export function planFeedbackChanges(params: {
  feedback: readonly ReviewFeedback[];
  files: ReadonlyMap<string, string>;
  headSha: string;
  freeTextAnswer: string;
}): FeedbackPlan {
  const changed = new Map<string, string>();
  /** Per path, the lines suggestions already replaced (in head numbering): a later overlap is refused. */
  const taken = new Map<string, { start: number; end: number; delta: number }[]>();
  const replies: ThreadReply[] = [];
  const unanswered: string[] = [];
  const freeText: FreeTextFeedback[] = [];
  for (const item of params.feedback) {
    const author = item.author.login;
    for (const comment of item.comments) {
      const reply = answerComment({ comment, params, changed, taken });
      replies.push(reply);
      const parsed = parseSuggestions(comment.body);
      const text = freeTextOf(comment.body);
      if (parsed.ok && parsed.suggestions.length === 0 && text !== '')
        freeText.push({ id: `review-comment:${comment.id}`, author, text, comment });
    }
    const suggested = parseSuggestions(item.body);
    if (item.comments.length === 0 && suggested.ok && suggested.suggestions.length > 0)
      unanswered.push(
        `@${author}: A suggestion block outside an inline comment names no lines, so there is nothing to apply it to.`,
      );
    const text = freeTextOf(item.body);
    if (text === '') continue;
    const note = item.comments.length === 0 ? `@${author}: ${params.freeTextAnswer}` : undefined;
    if (note !== undefined) unanswered.push(note);
    freeText.push({ id: feedbackTriggerKey(item), author, text, ...(note === undefined ? {} : { note }) });
  }
  return { files: changed, replies, unanswered, freeText };
}

function answerComment(input: {
  comment: InlineComment;
  params: { files: ReadonlyMap<string, string>; headSha: string; freeTextAnswer: string };
  changed: Map<string, string>;
  taken: Map<string, { start: number; end: number; delta: number }[]>;
}): ThreadReply {
  const { comment, params } = input;
  const thread = comment.inReplyToId === undefined ? {} : { inReplyToId: comment.inReplyToId };
  const refuse = (why: string): ThreadReply => ({
    commentId: comment.id,
    ...thread,
    body: `Not applied: ${why}.`,
    fixed: false,
  });
  const parsed = parseSuggestions(comment.body);
  if (!parsed.ok) return refuse(parsed.reason);
  const [suggestion, ...more] = parsed.suggestions;
  if (suggestion === undefined) {
    // Nothing but blank text is no request: it gets no free-text answer (and goes to no model).
    const body = freeTextOf(comment.body) === '' ? NOTHING_TO_APPLY : params.freeTextAnswer;
    return { commentId: comment.id, ...thread, body, fixed: false };
  }
  if (more.length > 0)
    return refuse('the comment holds more than one suggestion block; GitHub applies one per comment too');
  const text = input.changed.get(comment.path) ?? params.files.get(comment.path);
  if (text === undefined) return refuse(`${codeSpan(comment.path)} is not a text file on the branch`);
  const line = comment.line;
  const start = comment.startLine ?? line;
  const earlier = input.taken.get(comment.path) ?? [];
  if (line !== null && start !== null && earlier.some((range) => start <= range.end && range.start <= line))
    return refuse('another suggestion in this review already changed these lines');
  // Earlier suggestions above these lines moved them by their change in line count.
  const shift = earlier
    .filter((range) => line !== null && range.end < (start ?? line))
    .reduce((sum, r) => sum + r.delta, 0);
  const applied = applySuggestion({
    text,
    suggestion,
    line: line === null ? null : line + shift,
    startLine: comment.startLine === null ? null : comment.startLine + shift,
    side: comment.side,
    startSide: comment.startSide ?? null,
    commitId: comment.commitId,
    headSha: params.headSha,
  });
  if (!applied.ok) return refuse(applied.reason);
  if (line !== null && start !== null)
    input.taken.set(comment.path, [
      ...earlier,
      { start, end: line, delta: suggestion.length - (line - start + 1) },
    ]);
  input.changed.set(comment.path, applied.text);
  const where = start === line ? `line ${line}` : `lines ${start}–${line}`;
  return {
    commentId: comment.id,
    ...thread,
    body: `Applied the suggestion to ${codeSpan(comment.path)} ${where} as written.`,
    fixed: true,
  };
}
