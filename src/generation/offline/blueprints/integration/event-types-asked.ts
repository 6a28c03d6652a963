import { providerEventTypesIn } from './provider-event-types.js';
import type { ProviderEventType } from './provider-event-types.js';

/** Words that start the condition a text asks for an event on (`… when a release is drafted`). */
const CONDITIONS = new Set(['when', 'whenever', 'once', 'if']);
/** What a service is asked to do, which ends a leading condition (`When a tag is pushed, publish …`). */
const REQUESTS = new Set(['publish', 'send', 'emit', 'put', 'forward', 'post', 'notify', 'alert', 'relay']);
const LINKS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'gets', 'get']);

/**
 * The provider's event types a text asks for, read from its condition first: `Publish a ReleaseDrafted
 * event when a release is drafted` asks for a drafted release, not a published one (`publish` is what
 * the service does). When the condition names no type, the whole text is read (`pull requests when
 * they are merged`). Words are lowercase, split as `words-of` splits them.
 */
export function eventTypesAsked(
  words: readonly string[],
  catalogue: readonly ProviderEventType[],
): ProviderEventType[] {
  const condition = conditionWords(words);
  const found = condition === undefined ? [] : providerEventTypesIn(condition, catalogue);
  return found.length > 0 ? found : providerEventTypesIn(words, catalogue);
}

/** `… when a tag is pushed` → `a tag is pushed`; `When a tag is pushed publish an event` → `a tag is pushed`. */
function conditionWords(words: readonly string[]): readonly string[] | undefined {
  const at = words.findIndex((word) => CONDITIONS.has(word));
  if (at === -1) return undefined;
  const after = words.slice(at + 1);
  if (at > 0) return after;
  const end = after.findIndex(
    (word, index) => index > 0 && REQUESTS.has(word) && !LINKS.has(after[index - 1] ?? ''),
  );
  return end === -1 ? after : after.slice(0, end);
}
