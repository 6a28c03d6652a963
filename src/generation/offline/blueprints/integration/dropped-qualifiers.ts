import { baseVerb } from '../../naming/base-verb.js';
import { conditionWords } from './condition-words.js';
import type { ProviderEventType } from './provider-event-types.js';

/**
 * What a story's condition says happened that the event it was given does not single out: `when a
 * deployment is rolled back`, answered by every GitHub `deployment` delivery, drops `rolled`. Each
 * dropped word (a participle, or a verb in the present: `fails`) is said, so a qualifier is never
 * silently replaced by the whole event. `whole`: the events taken whatever happened in them.
 */
export function droppedQualifiers(params: {
  readonly words: readonly string[];
  readonly whole: readonly ProviderEventType[];
}): string[] {
  if (params.whole.length === 0) return [];
  const own = new Set(params.whole.flatMap((type) => type.words.flat()));
  const condition = conditionWords(params.words) ?? [];
  return condition.filter(
    (word) =>
      !own.has(word) &&
      (baseVerb(word) !== undefined ||
        (/[^s]s$/.test(word) && baseVerb(`${word.slice(0, -1)}ed`) !== undefined)),
  );
}
