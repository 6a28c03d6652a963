import type { Account } from '../review/account.js';
import { dictatedCodeLines } from './dictated-code-lines.js';
import type { FeedbackPlan } from './plan-feedback-changes.js';
import { parseSuggestions } from './parse-suggestions.js';
import type { ReviewFeedback } from './review-feedback.js';

/**
 * Who wrote the code a feedback commit carries: the author of every inline comment whose
 * ```suggestion block the plan applied (its reply `fixed`, its body a suggestion rather than free
 * text the model revised), and of every feedback whose code (a line of its code blocks or spans,
 * `dictatedCodeLines`) a line the commit adds reproduces, trimmed, word for word — free text the
 * model carried out as dictated is the reviewer's code as much as a suggestion is (review 9l).
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
  const added = addedLines(params.plan.files, params.current);
  const authors = new Map<string, Account>();
  for (const item of params.feedback) {
    const applied = item.comments.some((comment) => {
      if (!fixed.has(comment.id)) return false;
      const parsed = parseSuggestions(comment.body);
      return parsed.ok && parsed.suggestions.length > 0;
    });
    if (!applied && !dictates(item, added)) continue;
    const { login, type, id } = item.author;
    authors.set(login.toLowerCase(), { login, type, ...(id === undefined ? {} : { id }) });
  }
  return [...authors.values()];
}

/** Whether a line the commit adds is one of the feedback's code lines (body or inline comments). */
function dictates(item: ReviewFeedback, added: ReadonlySet<string>): boolean {
  if (added.size === 0) return false;
  return [item.body, ...item.comments.map((comment) => comment.body)].some((text) =>
    [...dictatedCodeLines(text)].some((line) => added.has(line)),
  );
}

/** Trimmed lines of each changed file that its text before the commit did not hold. */
function addedLines(files: ReadonlyMap<string, string>, current: ReadonlyMap<string, string>): Set<string> {
  const added = new Set<string>();
  for (const [path, text] of files) {
    const before = new Set((current.get(path) ?? '').split(/\r?\n/).map((line) => line.trim()));
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed !== '' && !before.has(trimmed)) added.add(trimmed);
    }
  }
  return added;
}
