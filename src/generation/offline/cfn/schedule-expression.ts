/**
 * An EventBridge rule schedule read from request text (`every hour`, `hourly`, `every 15 minutes`,
 * `every day at 02:00 UTC`, `weekdays at 9`), written by AWS's rules: `rate(value unit)` with a
 * positive whole value, the unit singular for 1 (`rate(1 hour)`) and plural otherwise; `cron(minutes
 * hours day-of-month month day-of-week year)` with `?` in one of the two day fields; rules run cron
 * in UTC only, and nothing runs more often than once a minute; `N times a day` is read as the even
 * interval (`twice a day` → rate(12 hours))
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 */
export type ScheduleAsk =
  | {
      readonly expression: string;
      /** As prose: `every weekday at 09:00 UTC`. */
      readonly said: string;
      /** What the request left open and was chosen (`no time was named: 00:00 UTC`). */
      readonly assumed?: string;
      /** The request's words that asked for it, for coverage. */
      readonly words: readonly string[];
    }
  | { readonly unmet: string; readonly words: readonly string[] };

const UNITS: Readonly<Record<string, 'minute' | 'hour' | 'day'>> = {
  minute: 'minute',
  minutes: 'minute',
  min: 'minute',
  mins: 'minute',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
};
const WEEKDAYS: Readonly<Record<string, string>> = {
  monday: 'MON',
  tuesday: 'TUE',
  wednesday: 'WED',
  thursday: 'THU',
  friday: 'FRI',
  saturday: 'SAT',
  sunday: 'SUN',
};
/** Zones and places a time may be given in that are not UTC (`9am AEST`, `Sydney time`, `America/New_York`). */
const OTHER_ZONE =
  /\b(aest|aedt|acst|acdt|awst|nzst|nzdt|pst|pdt|est|edt|cst|cdt|mst|mdt|bst|cet|cest|eet|ist|jst|sgt|hkt|local time|[a-z]+ time|[a-z]+\/[a-z_]+)\b/;
const UTC = /\b(utc|gmt|zulu)\b/;

/** The schedule a text asks for; undefined when it names none. */
export function scheduleAsked(text: string): ScheduleAsk | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const seconds = /\bevery (?:(\d{1,9}) )?seconds?\b/.exec(lower);
  if (seconds !== null) return secondsAsk(seconds[0], Number(seconds[1] ?? '1'));
  const times = TIMES_PER.exec(lower);
  if (times !== null)
    return timesPerAsk(times[0], timesOf(times[1] ?? ''), UNIT_MINUTES[times[2] ?? ''] ?? 1);
  const rate = /\bevery (\d+(?:\.\d+)?|a|one|half(?: an?)?|other) ?(minutes?|mins?|hours?|days?)\b/.exec(
    lower,
  );
  if (rate !== null) {
    const asked = rateAsk(rate[0], rate[1] ?? '', UNITS[rate[2] ?? ''] ?? 'minute');
    const days = DAYS_OF_WEEK.exec(lower);
    return days === null ? asked : onDaysOfWeek(asked, days[0]);
  }
  const bare =
    /\b(every (minute|hour|day|night|weekday|week|month)|hourly|daily|nightly|weekly|monthly|weekdays|on weekdays|(every|each|on) (mon|tues|wednes|thurs|fri|satur|sun)days?)\b/.exec(
      lower,
    );
  if (bare === null) return undefined;
  const phrase = bare[0];
  const days = DAYS_OF_WEEK.exec(lower)?.[0];
  const kept = (asked: ScheduleAsk) => (days === undefined ? asked : onDaysOfWeek(asked, days));
  if (/minute/.test(phrase))
    return kept({ expression: 'rate(1 minute)', said: 'every minute', words: words(phrase) });
  if (/hour/.test(phrase))
    return kept({ expression: 'rate(1 hour)', said: 'every hour', words: words(phrase) });
  const time = timeAsked(lower.slice(bare.index));
  if (time !== undefined && 'unmet' in time) return { unmet: time.unmet, words: words(phrase) };
  const zone = time === undefined ? undefined : zoneOf(time.after);
  if (zone !== undefined)
    return {
      unmet: `"${zone}" is not UTC: EventBridge rules run cron in UTC only, so a time in another zone (which may also shift with daylight saving) needs EventBridge Scheduler (AWS::Scheduler::Schedule with ScheduleExpressionTimezone)`,
      words: words(phrase),
    };
  return dayAsk(phrase, time);
}

/** Days a repeating run is kept to (`every 10 minutes on weekdays`, `… monday to friday`, `… at weekends`). */
const DAYS_OF_WEEK =
  /\b(?:(?:on|during) )?(?:weekdays|working days|business days|mon(?:day)?s? ?(?:-|to|through|thru) ?fri(?:day)?s?|(?:on |at |over )?(?:the )?weekends?)\b/;

/**
 * A rate (`rate(10 minutes)`) kept to the days named: a rate() schedule runs every day, so the
 * runs are written as cron with the day-of-week field (`cron(0/10 * ? * MON-FRI *)`: every 10
 * minutes from :00, Monday to Friday, UTC). EventBridge and Synthetics cron both take
 * `minutes hours day-of-month month day-of-week year` with `0/N` increments and `?` in one day field
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Canaries_cron.html).
 * An interval that does not divide the hour (minutes) or the day (hours) would restart at each hour
 * or day boundary, unevenly, so it is said, not written.
 */
function onDaysOfWeek(asked: ScheduleAsk, phrase: string): ScheduleAsk {
  if ('unmet' in asked) return asked;
  const days = /weekend/.test(phrase) ? 'SAT,SUN' : 'MON-FRI';
  const said = days === 'SAT,SUN' ? 'at weekends' : 'on weekdays';
  const found = [...asked.words, ...words(phrase)];
  const [, valueText = '', unit = ''] = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(asked.expression) ?? [];
  const value = Number(valueText);
  const fields =
    unit === 'minute' && 60 % value === 0
      ? [value === 1 ? '*' : `0/${value}`, '*']
      : unit === 'hour' && 24 % value === 0
        ? ['0', value === 1 ? '*' : `0/${value}`]
        : unit === 'day' && value === 1
          ? ['0', '0']
          : undefined;
  if (fields === undefined)
    return {
      unmet: `${asked.said} ${said} is no cron schedule: cron counts intervals from each hour or day, and ${asked.said} does not divide it evenly, while a rate() runs on every day of the week`,
      words: found,
    };
  return {
    expression: `cron(${fields.join(' ')} ? * ${days} *)`,
    said: `${asked.said} ${said} (UTC)`,
    ...(asked.assumed === undefined ? {} : { assumed: asked.assumed }),
    words: found,
  };
}

/** `once a week`, `twice a day`, `4 times an hour`: how many runs, per which unit. */
const TIMES_PER =
  /\b(once|twice|thrice|(?:\d{1,4}|two|three|four|six|eight|twelve) times) (?:a|an|per|each|every) (minute|hour|day|week)\b/;
const TIMES: Readonly<Record<string, number>> = {
  once: 1,
  twice: 2,
  thrice: 3,
  two: 2,
  three: 3,
  four: 4,
  six: 6,
  eight: 8,
  twelve: 12,
};
const UNIT_MINUTES: Readonly<Record<string, number>> = { minute: 1, hour: 60, day: 1440, week: 10080 };

function timesOf(count: string): number {
  const [first = ''] = count.split(' ');
  return TIMES[first] ?? Number(first);
}

/**
 * `N times a <unit>` as the rate that spaces the runs evenly: the largest unit (days, hours, minutes)
 * the interval is a whole number of (`twice a day` → rate(12 hours), `once a week` → rate(7 days));
 * an interval that is no whole number of minutes, or under one, cannot be written and is said.
 */
function timesPerAsk(phrase: string, count: number, unitMinutes: number): ScheduleAsk {
  const minutes = unitMinutes / count;
  if (!Number.isInteger(minutes) || minutes < 1)
    return {
      unmet: `"${phrase}" is a run every ${Number(minutes.toFixed(3))} minutes, and a rate() schedule takes a whole number of minutes, at least 1`,
      words: words(phrase),
    };
  const [value, unit] =
    minutes % 1440 === 0
      ? [minutes / 1440, 'day']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute'];
  const named = `${value} ${unit}${value === 1 ? '' : 's'}`;
  return { expression: `rate(${named})`, said: `every ${value === 1 ? unit : named}`, words: words(phrase) };
}

/**
 * `every 90 seconds`: a rate() schedule takes whole minutes, at least 1. A whole number of minutes
 * is written as such; more than a minute but not whole runs at the nearest whole minute, said; less
 * than a minute cannot be written.
 */
function secondsAsk(phrase: string, seconds: number): ScheduleAsk {
  if (seconds < 60)
    return {
      unmet: `"${phrase}" is more often than EventBridge runs anything: its shortest schedule is rate(1 minute)`,
      words: words(phrase),
    };
  const minutes = Math.round(seconds / 60);
  const named = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return {
    expression: `rate(${named})`,
    said: `every ${minutes === 1 ? 'minute' : named}`,
    ...(seconds % 60 === 0
      ? {}
      : {
          assumed: `"${phrase}" is not a whole number of minutes, and a rate() schedule takes whole minutes: it runs every ${minutes === 1 ? 'minute' : named}, the nearest`,
        }),
    words: words(phrase),
  };
}

function rateAsk(phrase: string, amount: string, unit: 'minute' | 'hour' | 'day'): ScheduleAsk {
  if (amount.startsWith('half'))
    return unit === 'hour'
      ? { expression: 'rate(30 minutes)', said: 'every 30 minutes', words: words(phrase) }
      : { expression: 'rate(12 hours)', said: 'every 12 hours', words: words(phrase) };
  if (amount === 'other') return rateAsk(phrase, '2', unit);
  const value = amount === 'a' || amount === 'one' ? 1 : Number(amount);
  if (!Number.isInteger(value) || value < 1)
    return {
      unmet: `"${phrase}" is not a whole number of ${unit}s, which is all a rate() schedule takes`,
      words: words(phrase),
    };
  const named = `${value} ${unit}${value === 1 ? '' : 's'}`;
  return { expression: `rate(${named})`, said: `every ${value === 1 ? unit : named}`, words: words(phrase) };
}

/** `at 02:00`, `at 2am`, `at 2:30 pm`, `at 9`, `at noon`, `at midnight`: hours and minutes, or why not. */
function timeAsked(
  text: string,
): { hour: number; minute: number; after: string } | { unmet: string } | undefined {
  const named = /\bat (?:12 ?)?(noon|midnight)\b/.exec(text);
  if (named !== null)
    return { hour: named[1] === 'noon' ? 12 : 0, minute: 0, after: afterMatch(text, named) };
  const match = /\bat (\d{1,2})(?:[:.h](\d{2}))? ?(am|pm|a\.m\.|p\.m\.)?/.exec(text);
  if (match === null) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const half = match[3]?.replace(/\./g, '');
  if (half !== undefined && (hour < 1 || hour > 12)) return { unmet: `"${match[0]}" is not a time of day` };
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return { unmet: `"${match[0]}" is not a time of day` };
  return { hour, minute, after: afterMatch(text, match) };
}

/** The few words after a time, where its zone would be named (`at 9am AEST`, `at 02:00 Sydney time`). */
function afterMatch(text: string, match: RegExpExecArray): string {
  return text.slice(match.index + match[0].length, match.index + match[0].length + 24);
}

function zoneOf(text: string): string | undefined {
  if (UTC.test(text)) return undefined;
  return OTHER_ZONE.exec(text)?.[0];
}

function dayAsk(phrase: string, time: { hour: number; minute: number } | undefined): ScheduleAsk {
  const at = time === undefined ? undefined : `${pad(time.hour)}:${pad(time.minute)} UTC`;
  const found = words(phrase);
  const cron = (dayOfMonth: string, dayOfWeek: string) =>
    `cron(${time?.minute ?? 0} ${time?.hour ?? 0} ${dayOfMonth} * ${dayOfWeek} *)`;
  const midnight = 'no time was named: it runs at 00:00 UTC';
  if (/weekday/.test(phrase))
    return {
      expression: cron('?', 'MON-FRI'),
      said: `every weekday at ${at ?? '00:00 UTC'}`,
      ...(at === undefined ? { assumed: midnight } : {}),
      words: found,
    };
  const day = Object.keys(WEEKDAYS).find((name) => phrase.includes(name.slice(0, 3)));
  if (day !== undefined && !/\bmonth/.test(phrase))
    return {
      expression: cron('?', WEEKDAYS[day] ?? 'MON'),
      said: `every ${day} at ${at ?? '00:00 UTC'}`,
      ...(at === undefined ? { assumed: midnight } : {}),
      words: found,
    };
  if (/week/.test(phrase))
    return at === undefined
      ? { expression: 'rate(7 days)', said: 'every 7 days', words: found }
      : {
          expression: cron('?', 'MON'),
          said: `every monday at ${at}`,
          assumed: 'no day was named: Monday',
          words: found,
        };
  if (/month/.test(phrase))
    return {
      expression: cron('1', '?'),
      said: `on the 1st of every month at ${at ?? '00:00 UTC'}`,
      assumed:
        at === undefined ? 'no day or time was named: the 1st at 00:00 UTC' : 'no day was named: the 1st',
      words: found,
    };
  if (/night/.test(phrase) && at === undefined)
    return { expression: cron('*', '?'), said: 'every night at 00:00 UTC', assumed: midnight, words: found };
  return at === undefined
    ? { expression: 'rate(1 day)', said: 'every day', words: found }
    : { expression: cron('*', '?'), said: `every day at ${at}`, words: found };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function words(phrase: string): string[] {
  return phrase.match(/[a-z0-9]+/g) ?? [];
}
