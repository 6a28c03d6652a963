import type { BlueprintInput } from '../../blueprint-input.js';

/** Counts in words a request writes before `in a row` (`two checks in a row`). */
const COUNT_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  twice: 2,
};
/** CloudWatch evaluates at most a day of periods (Period × EvaluationPeriods ≤ 86,400 s). */
const MAX_EVALUATED_SECONDS = 86_400;
const IN_A_ROW =
  /\b(\d{1,2}|two|three|four|five|twice)\b(?:\s+[a-z-]+){0,2}?\s+(?:in a row|consecutive(?:ly)?|back to back)\b/;

/** How many failed checks in a row an alert waits for, and the words that asked; undefined when none is asked. */
export interface FailuresInARow {
  readonly count: number;
  /** The request's words that asked, for coverage (`in a row`, `consecutive`). */
  readonly words: readonly string[];
}

/**
 * `when two checks in a row fail`, `after 3 consecutive failures`, `fails twice in a row`: the
 * number of failed runs an alert waits for, from the first description sentence or story that asks
 * (2 to 10; 1 is every failure, which the alarm already does).
 */
export function failuresInARow(
  input: Pick<BlueprintInput, 'descriptionSentences' | 'stories'>,
): FailuresInARow | undefined {
  const texts = [
    ...input.descriptionSentences.map((sentence) => sentence.text),
    ...input.stories.map((intent) => intent.text),
  ];
  for (const text of texts) {
    const match = IN_A_ROW.exec(text.toLowerCase());
    const said = match?.[1];
    if (said === undefined) continue;
    const count = COUNT_WORDS[said] ?? Number(said);
    if (count < 2 || count > 10) continue;
    return { count, words: /consecutive/.test(match?.[0] ?? '') ? ['consecutive'] : ['row'] };
  }
  return undefined;
}

/**
 * The alarm period that makes `count` periods `count` runs of a `rate(…)` schedule: the schedule's
 * interval in seconds. A rate kept to days of the week (`cron(0/10 * ? * MON-FRI *)`, written by
 * `scheduleAsked`) runs at that interval on the days it runs, so its interval counts the same; no
 * run falls on the other days, and periods without data there leave the alarm as it was.
 * Undefined for any other cron schedule or when the periods would pass a day.
 */
export function periodOfOneRun(schedule: string, count: number): number | undefined {
  const seconds = rateSeconds(schedule) ?? daysOfWeekRateSeconds(schedule);
  if (seconds === undefined) return undefined;
  return seconds * count <= MAX_EVALUATED_SECONDS ? seconds : undefined;
}

function rateSeconds(schedule: string): number | undefined {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(schedule);
  if (rate === null) return undefined;
  const unit = (rate[2] ?? '').startsWith('minute') ? 60 : (rate[2] ?? '').startsWith('hour') ? 3600 : 86_400;
  return Number(rate[1]) * unit;
}

/** `cron(0/10 * ? * MON-FRI *)` → 600, `cron(* * ? * SAT,SUN *)` → 60, `cron(0 0/2 ? * MON-FRI *)` → 7200. */
function daysOfWeekRateSeconds(schedule: string): number | undefined {
  const cron = /^cron\((\*|0\/\d{1,2}|0) (\*|0\/\d{1,2}) \? \* (MON-FRI|SAT,SUN) \*\)$/.exec(schedule);
  if (cron === null) return undefined;
  const [, minutes = '', hours = ''] = cron;
  const step = (field: string) => (field === '*' ? 1 : Number(field.slice(2)));
  return minutes === '0' ? step(hours) * 3600 : hours === '*' ? step(minutes) * 60 : undefined;
}
