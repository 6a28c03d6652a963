import type { DescriptionSentence } from '../../naming/description-sentences.js';
import { numberWord } from '../../naming/number-word.js';

/** Modals of permission: a frequency after one bounds what may be done (`can be booked only once per day`). */
const PERMITS = new Set(['can', 'may', 'cannot', 'could', 'mustn']);
/** Words that bound a count (`only once`, `at most twice`, `no more than 3 times`, `up to 5 times`). */
const BOUNDS = new Set(['only', 'most', 'more', 'max', 'maximum', 'up']);
/** Counts of times said as one word. */
const TIMES: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };
/** Words between a count and its period (`once per day`, `twice a week`, `3 times each month`). */
const PER = new Set(['per', 'a', 'an', 'each', 'every']);
const PERIODS = new Set(['minute', 'hour', 'day', 'week', 'month', 'year', 'night', 'shift']);

/** A bound on how often something may happen: its words (`once per day`) and count. */
export interface FrequencyLimit {
  readonly words: readonly string[];
  readonly times: number;
  readonly period: string;
}

/**
 * `A desk can be booked only once per day.`, `A member may renew at most 3 times a month.`: a count
 * of times in a period after a modal of permission (and a bounding word, unless it is `once`) is a limit on how often the
 * thing may be done, a rule about the items, never a run by the calendar (`Send a report once a
 * day` has no modal and stays a schedule). Undefined when the sentence has no such bound.
 */
export function frequencyLimit(sentence: DescriptionSentence): FrequencyLimit | undefined {
  const words = sentence.clauses.flatMap((clause) => clause.words);
  if (!words.some((word) => PERMITS.has(word))) return undefined;
  for (let at = 0; at < words.length; at += 1) {
    const word = words[at] ?? '';
    const counted = TIMES[word] ?? (words[at + 1] === 'times' ? countOf(word) : undefined);
    if (counted === undefined) continue;
    const after = TIMES[word] === undefined ? at + 2 : at + 1;
    const period = words[after + 1] ?? '';
    if (!PER.has(words[after] ?? '') || !PERIODS.has(period)) continue;
    const lead = words.slice(Math.max(0, at - 3), at);
    if (!lead.some((lead) => BOUNDS.has(lead)) && word !== 'once') continue;
    return { words: words.slice(at, after + 2), times: counted, period };
  }
  return undefined;
}

/** `3` or `three` → 3; undefined for a word naming no count. */
function countOf(word: string): number | undefined {
  if (/^\d{1,4}$/.test(word)) return Number(word);
  return numberWord(word);
}
