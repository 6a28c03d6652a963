import type { Account } from '../review/account.js';
import type { FeedbackPlan } from './plan-feedback-changes.js';
import { parseSuggestions } from './parse-suggestions.js';
import type { ReviewFeedback } from './review-feedback.js';

/**
 * Who wrote the code a feedback commit carries byte for byte: the author of every inline comment
 * whose ```suggestion block the plan applied (its reply `fixed`, its body a suggestion rather than
 * free text the model revised). Each is a pusher of that commit, as GitHub's own "Commit
 * suggestion" makes them (DESIGN §5b: whoever pushed a change does not approve it), so their
 * approval of it is set aside like any pusher's. One entry per login (case-insensitive), with the
 * account id and type as listed. Pure.
 */
export function suggestionAuthors(params: {
  feedback: readonly ReviewFeedback[];
  plan: Pick<FeedbackPlan, 'replies'>;
}): Account[] {
  const fixed = new Set(params.plan.replies.filter((reply) => reply.fixed).map((reply) => reply.commentId));
  const authors = new Map<string, Account>();
  for (const item of params.feedback) {
    const applied = item.comments.some((comment) => {
      if (!fixed.has(comment.id)) return false;
      const parsed = parseSuggestions(comment.body);
      return parsed.ok && parsed.suggestions.length > 0;
    });
    if (!applied) continue;
    const { login, type, id } = item.author;
    authors.set(login.toLowerCase(), { login, type, ...(id === undefined ? {} : { id }) });
  }
  return [...authors.values()];
}
