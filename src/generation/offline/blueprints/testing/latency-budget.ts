import type { BlueprintInput } from '../../blueprint-input.js';

/** Each check's limit when the request names none, in milliseconds. */
export const DEFAULT_LATENCY_MS = 3000;
/** The generated checks abort a request after 10 s (`runChecks`' `timeoutMs`), so no limit can pass it. */
export const MAX_LATENCY_MS = 10_000;

/** The time the request gives each check to answer, or why it is not the checks' limit. */
export type LatencyAsk =
  | { readonly ms: number; readonly words: readonly string[] }
  | { readonly unmet: string; readonly words: readonly string[] };

/** `within 5 seconds`, `in under 800 ms`, `no more than 2s`: a bound and its unit. */
const BOUND =
  /\b(?:within|in under|under|in less than|less than|at most|no more than|no longer than)\s+(\d{1,6}(?:\.\d{1,3})?)\s*(ms|milliseconds?|s|secs?|seconds?)\b/;
/** The sentence must be about an answer's time, not an alert's or a retry's. */
const ABOUT_ANSWERS =
  /\b(checks?|requests?|respon\w*|answers?|finish\w*|complet\w*|latency|returns?|loads?)\b/;

/**
 * The first answer-time bound the request names (description sentences, then stories), in
 * milliseconds; undefined when none. A bound under 1 ms or over `MAX_LATENCY_MS` is unmet, said.
 */
export function latencyBudgetAsked(input: BlueprintInput): LatencyAsk | undefined {
  const texts = [
    ...input.descriptionSentences.map((sentence) => sentence.text),
    ...input.stories.map((story) => story.text),
  ];
  for (const text of texts) {
    const lower = text.toLowerCase().replace(/\s+/g, ' ');
    const bound = BOUND.exec(lower);
    if (bound === null || !ABOUT_ANSWERS.test(lower)) continue;
    const words = bound[0].match(/[a-z0-9]+/g) ?? [];
    const ms = Math.round(Number(bound[1]) * (bound[2]?.startsWith('m') ? 1 : 1000));
    if (ms < 1 || ms > MAX_LATENCY_MS)
      return {
        unmet: `"${bound[0]}" is not a limit the checks can hold: each request is aborted after ${MAX_LATENCY_MS / 1000} s, and a limit is at least 1 ms`,
        words,
      };
    return { ms, words };
  }
  return undefined;
}

/** The limit every generated check has: the one asked, when it can be held, else `DEFAULT_LATENCY_MS`. */
export function latencyBudgetMs(asked: LatencyAsk | undefined): number {
  return asked === undefined || 'unmet' in asked ? DEFAULT_LATENCY_MS : asked.ms;
}
