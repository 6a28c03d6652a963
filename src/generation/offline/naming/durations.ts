const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};
const UNITS: Readonly<Record<string, 'days' | 'months' | 'years'>> = {
  day: 'days',
  days: 'days',
  month: 'months',
  months: 'months',
  year: 'years',
  years: 'years',
};

/** An amount in digits: at most 12, so even as years its days stay exact in a double (under 2^53). */
const DIGITS = /^\d{1,12}$/;

export interface Duration {
  readonly amount: number;
  readonly unit: 'days' | 'months' | 'years';
}

/**
 * The first `<number> <unit>` in words (`seven years`, `90 days`, `7 year`), with numbers as digits
 * (see DIGITS) or words up to ninety.
 */
export function firstDuration(words: readonly string[]): Duration | undefined {
  for (let index = 1; index < words.length; index += 1) {
    const unit = UNITS[words[index] ?? ''];
    const word = words[index - 1] ?? '';
    const amount = DIGITS.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (unit !== undefined && amount !== undefined && amount > 0) return { amount, unit };
  }
  return undefined;
}

/** Whole days a duration covers at least: years count their leap days, months 31 days. */
export function durationDays(duration: Duration): number {
  if (duration.unit === 'days') return duration.amount;
  if (duration.unit === 'months') return duration.amount * 31;
  return duration.amount * 365 + Math.ceil(duration.amount / 4);
}
