import type { Account } from '../review/account.js';
import {
  dictatedText,
  exceedsDictationBound,
  reproducesDictation,
  withoutSpacing,
  type WrittenLine,
} from './dictated-code-lines.js';
import type { FeedbackPlan } from './plan-feedback-changes.js';
import { parseSuggestions } from './parse-suggestions.js';
import type { ReviewFeedback } from './review-feedback.js';

/**
 * Who wrote the code a feedback commit carries: the author of every inline comment whose
 * ```suggestion block the plan applied (its reply `fixed`, its body a suggestion rather than free
 * text the model revised), and of every author whose feedback text the commit reproduces — a line
 * it adds, or a block of consecutive lines, of at least `MIN_DICTATED_LINE_CHARS` added non-space
 * characters, found in what the feedback shows (code or not, spacing aside; `reproducesDictation`)
 * — free text the model carried out as dictated is the reviewer's code as much as a suggestion is
 * (review 9l, 9m). All texts of one author in the batch (review bodies, inline comments,
 * `/implement` comments) are matched together, so a block dictated one line per text, in any
 * order, counts (review 9n); past `MAX_DICTATED_TEXT_CHARS` they are not compared and the author
 * counts as a pusher of any commit that adds a line.
 * Each is a pusher of that commit, as GitHub's own "Commit suggestion" makes them (DESIGN §5b:
 * whoever pushed a change does not approve it), so their approval of it is set aside like any
 * pusher's. A reviewer who only asked for a change in prose is not: the usual flow is that they
 * ask, the agent writes it and they approve. `current` holds the files as they were before the
 * commit (a path absent from it is new: each of its lines is added). One entry per login
 * (case-insensitive), with the account id and type as listed. Pure.
 */
export function suggestionAuthors(params: {
  feedback: readonly ReviewFeedback[];
  plan: Pick<FeedbackPlan, 'replies' | 'files'>;
  current: ReadonlyMap<string, string>;
}): Account[] {
  const fixed = new Set(params.plan.replies.filter((reply) => reply.fixed).map((reply) => reply.commentId));
  const written = writtenFiles(params.plan.files, params.current);
  // One author's texts in this batch are matched together: a block dictated a line per text counts.
  const dictating = new Set(
    [...byAuthor(params.feedback)].filter(([, items]) => dictates(items, written)).map(([key]) => key),
  );
  const authors = new Map<string, Account>();
  for (const item of params.feedback) {
    const applied = item.comments.some((comment) => {
      if (!fixed.has(comment.id)) return false;
      const parsed = parseSuggestions(comment.body);
      return parsed.ok && parsed.suggestions.length > 0;
    });
    const key = item.author.login.toLowerCase();
    if (!applied && !dictating.has(key)) continue;
    if (authors.has(key)) continue;
    const { login, type, id } = item.author;
    authors.set(key, { login, type, ...(id === undefined ? {} : { id }) });
  }
  return [...authors.values()];
}

/** The feedback of this batch grouped by author (login, case-insensitive). */
function byAuthor(feedback: readonly ReviewFeedback[]): Map<string, ReviewFeedback[]> {
  const groups = new Map<string, ReviewFeedback[]>();
  for (const item of feedback) {
    const key = item.author.login.toLowerCase();
    const items = groups.get(key);
    if (items === undefined) groups.set(key, [item]);
    else items.push(item);
  }
  return groups;
}

/**
 * Whether the commit reproduces the text of one author's feedback in this batch (every review body
 * and inline comment of theirs, matched together: a block dictated a line per text is dictated) in
 * a file it writes; feedback too long to compare (`exceedsDictationBound`) counts as dictating any
 * commit that adds a line.
 */
function dictates(items: readonly ReviewFeedback[], written: readonly (readonly WrittenLine[])[]): boolean {
  if (written.length === 0) return false;
  const dictated = dictatedText(
    items.flatMap((item) => [item.body, ...item.comments.map((comment) => comment.body)]),
  );
  if (exceedsDictationBound(dictated)) return true;
  return written.some((lines) => reproducesDictation({ lines, dictated }));
}

/**
 * Each file the commit changes, as its lines marked added when the file before the commit did not
 * hold them (compared without spacing); files that add nothing are left out.
 */
function writtenFiles(
  files: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, string>,
): WrittenLine[][] {
  const written: WrittenLine[][] = [];
  for (const [path, text] of files) {
    const before = new Set((current.get(path) ?? '').split(/\r?\n/).map(withoutSpacing));
    const lines = text.split(/\r?\n/).map((line) => {
      const code = withoutSpacing(line);
      return { text: line, added: code !== '' && !before.has(code) };
    });
    if (lines.some((line) => line.added)) written.push(lines);
  }
  return written;
}
