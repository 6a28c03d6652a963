import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import { plural } from '../../../naming/plural.js';

/** The fewest statuses a sentence lists to be read as the lifecycle (`are new, open or closed`). */
const FEWEST = 3;
/**
 * Two entries (`Notes are draft or published.`) are a lifecycle only when one is a participle, a
 * state something is moved into (`published`, `closed`), not two kinds (`public or private`).
 */
const PAIR = 2;
const PARTICIPLE = /^[a-z]+(?:ed|en)$/;
const MOST = 12;

/**
 * The lifecycle a description lists for a resource (`Bookings are confirmed, cancelled or completed.`,
 * `Invoices are draft, sent, paid or void.`): those statuses in order, snake_case, the first being
 * where an item starts unless another sentence says otherwise. The resource (its name or the last
 * word of a compound, singular or plural) is the sentence's subject, just before `are`/`is`, and
 * every listed entry is one or two words (`past_due`, `past-due` and `past due` are `past_due`); two entries count only when one is a participle (`draft or
 * published`). Empty when no sentence lists one.
 */
export function listedStatuses(sentences: readonly DescriptionSentence[], resource: string): string[] {
  const head = (resource.split(/(?=[A-Z])/).at(-1) ?? resource).toLowerCase();
  const subjects = new Set([head, plural(head)]);
  for (const sentence of sentences) {
    const text = sentence.text.toLowerCase().replace(/[.!]\s*$/, '');
    const match =
      /^(?:(?:all|the|each|an?)\s+)?(?:[a-z]+\s+)?([a-z]+)\s+(?:are|is|can be)\s+(?:either\s+)?(.+)$/.exec(
        text,
      );
    if (match === null || !subjects.has(match[1] ?? '')) continue;
    const entries = (match[2] ?? '').split(/\s*,\s*(?:or\s+|and\s+)?|\s+or\s+/).map((entry) => entry.trim());
    const statuses = entries.map((entry) => entry.replace(/[\s-]+/g, '_'));
    const pair = statuses.length === PAIR && statuses.some((status) => PARTICIPLE.test(status));
    if (
      (statuses.length >= FEWEST || pair) &&
      statuses.length <= MOST &&
      statuses.every((status) => /^[a-z]{2,20}(?:_[a-z]{2,20})?$/.test(status))
    )
      return statuses;
  }
  return [];
}
