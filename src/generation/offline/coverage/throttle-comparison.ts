/** Words after `per`/`a` that make a rate one of time (`50 requests per second`, `3000 a minute`). */
const PERIOD_SECONDS: Readonly<Record<string, number>> = {
  second: 1,
  sec: 1,
  s: 1,
  minute: 60,
  min: 60,
  hour: 3_600,
};

/**
 * The rate a clause asks the API to be throttled to, in requests per second (`Throttle the API to 50
 * requests per second`, `100 rps`, `3000 requests a minute` → 50): the first number followed, within
 * two words, by `per`/`a` and a period, or written `rps`. Undefined when the clause names none.
 */
export function askedRatePerSecond(text: string): number | undefined {
  const words = text.toLowerCase().match(/[a-z]+|\d+(?:\.\d+)?/g) ?? [];
  for (const [index, word] of words.entries()) {
    if (!/^\d/.test(word)) continue;
    if (words[index + 1] === 'rps') return Number(word);
    for (const gap of [1, 2]) {
      const lead = words[index + gap];
      const period = PERIOD_SECONDS[words[index + gap + 1] ?? ''];
      if ((lead === 'per' || lead === 'a' || lead === 'each' || lead === 'every') && period !== undefined)
        return Number(word) / period;
    }
  }
  return undefined;
}

/**
 * A throttling rate asked against the stage's (`rate` requests per second, bursts of `burst`): the
 * difference, named with both numbers, or nothing when met or not asked. Any other number the clause
 * gives that is neither limit is said too, as the shared numbers check would.
 */
export function throttleDifferences(text: string, rate: number, burst: number): string[] {
  const asked = askedRatePerSecond(text);
  const others = (text.match(/(?<![\w./-])\d+(?:\.\d+)?(?![\w/-]|\.\d)/g) ?? [])
    .map(Number)
    .filter((value) => value !== rate && value !== burst && (asked === undefined || value !== asked));
  return [
    ...(asked === undefined || asked === rate
      ? []
      : [
          `${asked} requests per second are asked, but the stage allows ${rate} per second (with bursts of ${burst}); set ThrottlingRateLimit to ${asked} (and ThrottlingBurstLimit to suit) in HttpApiStage's DefaultRouteSettings`,
        ]),
    ...[...new Set(others)].map(
      (value) => `${value} is not a value of what was generated; set it by hand or ask again`,
    ),
  ];
}
