const SECONDS: Readonly<Record<string, number>> = { minute: 60, hour: 3_600, day: 86_400 };
const RATE = /^rate\((\d{1,6}) (minute|hour|day)s?\)$/;
/** `cron(minutes hours day-of-month month day-of-week year)`, as EventBridge writes it. */
const CRON = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/;

/**
 * The longest time between two runs of an EventBridge schedule, in seconds: a rate's interval;
 * 3,600 for a cron at a fixed minute of every hour; 86,400 for one at a fixed time of every day.
 * Undefined for a schedule whose runs are further apart or uneven (`MON-FRI`, weekly, monthly),
 * which no alarm period of a day or less spans
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 */
export function scheduleIntervalSeconds(expression: string): number | undefined {
  const rate = RATE.exec(expression);
  if (rate !== null) return Number(rate[1]) * (SECONDS[rate[2] ?? ''] ?? 0) || undefined;
  const cron = CRON.exec(expression);
  if (cron === null) return undefined;
  const [, minutes = '', hours = '', dayOfMonth = '', month = '', dayOfWeek = ''] = cron;
  const everyDay = ['*', '?'].includes(dayOfMonth) && month === '*' && ['*', '?'].includes(dayOfWeek);
  if (!everyDay || !/^\d{1,2}$/.test(minutes)) return undefined;
  if (hours === '*') return SECONDS['hour'];
  return /^\d{1,2}$/.test(hours) ? SECONDS['day'] : undefined;
}
