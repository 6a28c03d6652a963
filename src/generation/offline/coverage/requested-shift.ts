/** The parts of a traffic shift a request's words name; a part the words leave out is absent. */
export interface RequestedShift {
  readonly mode?: 'all-at-once' | 'canary' | 'linear';
  readonly percent?: number;
  readonly minutes?: number;
}

const PERCENT_WORDS = new Set(['percent', 'pct', '%']);
const MINUTE_WORDS = new Set(['minute', 'minutes', 'min', 'mins']);
const STEP_WORDS = new Set(['every', 'each', 'per']);
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  five: 5,
  ten: 10,
  fifteen: 15,
};

/**
 * Reads a shift from a clause's words (`shift 10 percent every minute` → linear, 10, 1;
 * `canary 10 percent for 5 minutes` → canary, 10, 5; `all at once`). A `%` sign must be its own word
 * (the caller splits `10%` into `10`, `%`). Undefined when the words name no percentage, interval or mode.
 */
export function requestedShift(words: readonly string[]): RequestedShift | undefined {
  const numberAt = (index: number): number | undefined => {
    const word = words[index] ?? '';
    return /^\d{1,4}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  };
  const percentAt = words.findIndex(
    (word, index) => PERCENT_WORDS.has(word) && numberAt(index - 1) !== undefined,
  );
  const minuteAt = words.findIndex((word) => MINUTE_WORDS.has(word));
  const minutes =
    minuteAt === -1
      ? undefined
      : (numberAt(minuteAt - 1) ?? (STEP_WORDS.has(words[minuteAt - 1] ?? '') ? 1 : undefined));
  const stepped = minuteAt !== -1 && [1, 2].some((back) => STEP_WORDS.has(words[minuteAt - back] ?? ''));
  const mode =
    words.includes('linear') || words.includes('linearly') || stepped
      ? 'linear'
      : words.includes('canary') || words.includes('then')
        ? 'canary'
        : words.join(' ').includes('all at once')
          ? 'all-at-once'
          : undefined;
  const result = {
    ...(mode === undefined ? {} : { mode }),
    ...(percentAt === -1 ? {} : { percent: numberAt(percentAt - 1) }),
    ...(minutes === undefined ? {} : { minutes }),
  } as RequestedShift;
  return Object.keys(result).length === 0 ? undefined : result;
}
