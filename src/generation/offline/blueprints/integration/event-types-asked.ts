import { conditionWords } from './condition-words.js';
import { EXCLUSION_WORDS } from './exclusion-words.js';
import { providerEventTypesIn } from './provider-event-types.js';
import type { ProviderEventType } from './provider-event-types.js';

const EXCLUDING = new Set(EXCLUSION_WORDS);

/**
 * The provider's event types a text asks for, read from its condition first: `Publish a ReleaseDrafted
 * event when a release is drafted` asks for a drafted release, not a published one (`publish` is what
 * the service does). When the condition names no type, the whole text is read (`pull requests when
 * they are merged`). A text that asks to leave something out (`ignore`, `skip`, `exclude`) asks for
 * no type. Words are lowercase, split as `words-of` splits them.
 */
export function eventTypesAsked(
  words: readonly string[],
  catalogue: readonly ProviderEventType[],
): ProviderEventType[] {
  // `Ignore events from forks`: what to leave out is not an event to take.
  if (words.some((word) => EXCLUDING.has(word))) return [];
  const condition = conditionWords(words);
  const found = condition === undefined ? [] : providerEventTypesIn(condition, catalogue);
  return found.length > 0 ? found : providerEventTypesIn(words, catalogue);
}
