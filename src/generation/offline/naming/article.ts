import { indefiniteArticle } from '../../../core/text/indefinite-article.js';
import { spokenName } from './spoken-name.js';

/** `an order`, `a product`, `leaveRequest` → `a leave request`, `userAccount` → `a user account`: a derived noun as prose says it, after its article. */
export function withArticle(noun: string): string {
  const spoken = spokenName(noun);
  return `${indefiniteArticle(spoken)} ${spoken}`;
}
