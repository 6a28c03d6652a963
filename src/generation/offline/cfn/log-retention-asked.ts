import { CLOUDWATCH_RETENTION_DAYS } from './cloudwatch-retention-days.js';
import { logRetentionDays } from './standard-parameters.js';

/** Words that say a clause is about logs. */
export const LOG_WORDS = ['log', 'logs'];
/** Words that ask how long logs are kept (`Keep the logs for 14 days.`), not that something is logged. */
export const KEEP_WORDS = [
  'keep',
  'keeps',
  'kept',
  'retain',
  'retains',
  'retained',
  'retention',
  'days',
  'weeks',
  'months',
];

/** Years as CloudWatch counts them (its list holds 731 for 2 years, 1827 for 5). */
const YEAR_DAYS: Readonly<Record<number, number>> = {
  1: 365,
  2: 731,
  3: 1096,
  5: 1827,
  6: 2192,
  7: 2557,
  8: 2922,
  9: 3288,
  10: 3653,
};
const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30 };
const WORD_NUMBERS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1 };
/** Beyond any retention CloudWatch keeps; a bound so an absurd number stays a number. */
const MAX_DAYS = 100_000;

/** A log retention a clause asks for: the days, and the words that asked (`90 days`, `1 year`). */
export interface AskedRetention {
  readonly days: number;
  readonly written: string;
}

/**
 * The log retention a text asks for, in days: `Keep the logs for 90 days.` → 90, `2 weeks` → 14,
 * `6 months` → 180 (30-day months, as CloudWatch's 30 … 180 are), `1 year` → 365 and whole years as
 * CloudWatch's list counts them (2 → 731), else 365.25 a year rounded. Only a text that speaks of
 * logs and of keeping them (LOG_WORDS, KEEP_WORDS) asks; the first whole duration is the one asked.
 * Undefined when none is.
 */
export function askedLogRetention(text: string): AskedRetention | undefined {
  const words = text.toLowerCase().match(/\d+(?:\.\d+)?|[a-z]+/g) ?? [];
  if (!words.some((word) => LOG_WORDS.includes(word)) || !words.some((word) => KEEP_WORDS.includes(word)))
    return undefined;
  for (const [index, word] of words.entries()) {
    const count = /^\d+$/.test(word) ? Number(word) : WORD_NUMBERS[word];
    const unit = (words[index + 1] ?? '').replace(/s$/, '');
    if (count === undefined || count < 1) continue;
    const days =
      unit === 'year' ? (YEAR_DAYS[count] ?? Math.round(count * 365.25)) : count * (UNIT_DAYS[unit] ?? NaN);
    if (Number.isFinite(days) && days <= MAX_DAYS)
      return { days, written: `${word} ${words[index + 1] ?? ''}` };
  }
  return undefined;
}

/**
 * The default of the `LogRetentionDays` parameter: the first retention the request's sentences and
 * stories ask for that CloudWatch accepts, else a year in production and 30 days elsewhere. A value
 * CloudWatch refuses is not used (the coverage names the nearest it accepts).
 */
export function logRetentionDefault(input: {
  readonly environment: string;
  readonly descriptionSentences: readonly { readonly text: string }[];
  readonly stories: readonly { readonly text: string }[];
}): number {
  const asked = [...input.descriptionSentences, ...input.stories]
    .map((part) => askedLogRetention(part.text)?.days)
    .find((days) => days !== undefined && CLOUDWATCH_RETENTION_DAYS.includes(days));
  return asked ?? logRetentionDays(input.environment);
}

/** The allowed retentions on either side of a refused one (`45` → 30 and 60); one only past the ends. */
export function nearestRetentions(days: number): number[] {
  const below = CLOUDWATCH_RETENTION_DAYS.filter((allowed) => allowed < days).at(-1);
  const above = CLOUDWATCH_RETENTION_DAYS.find((allowed) => allowed > days);
  return [below, above].filter((value): value is number => value !== undefined);
}
