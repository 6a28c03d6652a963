import { numberWord } from './number-word.js';

const UNITS: Readonly<Record<string, 'days' | 'months' | 'years'>> = {
  day: 'days',
  days: 'days',
  month: 'months',
  months: 'months',
  year: 'years',
  years: 'years',
};

export interface Duration {
  readonly amount: number;
  readonly unit: 'days' | 'months' | 'years';
}

/** The first `<number> <unit>` in words (`seven years`, `90 days`, `7 year`), with numbers as digits or words (`numberWord`). */
export function firstDuration(words: readonly string[]): Duration | undefined {
  for (let index = 1; index < words.length; index += 1) {
    const unitWord = words[index] ?? '';
    // Own keys only: `seven constructor` is no unit.
    const unit = Object.hasOwn(UNITS, unitWord) ? UNITS[unitWord] : undefined;
    const word = words[index - 1] ?? '';
    const amount = durationAmount(word);
    if (unit !== undefined && amount !== undefined && amount > 0) return { amount, unit };
  }
  return undefined;
}

/**
 * The amount a word before a unit gives: an article is one (`a year`), digits up to twelve of them
 * (so even as years its days stay exact in a double, under 2^53), else a number word (`seven`, `ninety`).
 */
function durationAmount(word: string): number | undefined {
  if (word === 'a' || word === 'an') return 1;
  if (/^\d+$/.test(word)) return word.length <= 12 ? Number(word) : undefined;
  return numberWord(word);
}

/** Whole days a duration covers at least: years count their leap days, months 31 days. */
export function durationDays(duration: Duration): number {
  if (duration.unit === 'days') return duration.amount;
  if (duration.unit === 'months') return duration.amount * 31;
  return duration.amount * 365 + Math.ceil(duration.amount / 4);
}
