import type { BlueprintInput } from '../../blueprint-input.js';

export interface DeploymentAsks {
  /** Roll a release back when the alias's p99 latency stays above this (ms). */
  readonly latency?: { readonly thresholdMs: number; readonly given: boolean };
}

const LATENCY_WORDS = ['latency', 'slow', 'slower', 'duration', 'p99', 'p95', 'responsiveness'];
const DEFAULT_LATENCY_MS = 1000;

/** Reads the stories and the description for a latency guard and its threshold (`latency above 800 ms`). */
export function deploymentAsks(input: BlueprintInput): DeploymentAsks {
  const texts = [
    ...input.descriptionSentences.flatMap((sentence) => sentence.clauses.map((clause) => clause.words)),
    ...input.stories.map((story) => story.text.toLowerCase().match(/[a-z0-9]+/g) ?? []),
  ];
  const asking = texts.find((words) => words.some((word) => LATENCY_WORDS.includes(word)));
  if (asking === undefined) return {};
  const ms = asking.findIndex(
    (word, index) => /^\d{2,6}$/.test(word) && ['ms', 'milliseconds'].includes(asking[index + 1] ?? ''),
  );
  const thresholdMs = ms === -1 ? undefined : Number(asking[ms]);
  return { latency: { thresholdMs: thresholdMs ?? DEFAULT_LATENCY_MS, given: thresholdMs !== undefined } };
}
