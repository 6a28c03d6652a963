import { defaultIntents } from '../../naming/default-intents.js';
import type { ServiceNames } from '../../naming/service-names.js';
import type { StoryIntent } from '../../naming/story-intent.js';

/** A story (or a default) and the probe the pre-traffic hook sends a new version for it. */
export interface ReleaseProbe {
  readonly intent: StoryIntent;
  /** `[a-z0-9-]`, unique: the story's verb and what it acts on (`add-product`, `page-rollback`). */
  readonly name: string;
}

/** Words that name nothing in a probe's name (`when a rollback happens` → `rollback`). */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'their',
  'its',
  'of',
  'to',
  'for',
  'on',
  'in',
  'at',
  'by',
  'with',
  'when',
  'if',
  'once',
  'that',
  'which',
  'is',
  'are',
  'was',
  'be',
  'been',
  'it',
  'happens',
  'happen',
  'occurs',
  'i',
  'me',
  'we',
  'us',
]);

/**
 * One probe per story, named by its verb and object (`add-product`); a story whose object is only
 * implied (`I am paged when a rollback happens`) by the words of its action (`page-rollback`). Names
 * repeated by two stories get the story's number to stay unique (`add-product-5`).
 */
export function releaseProbes(stories: readonly StoryIntent[], names: ServiceNames): ReleaseProbe[] {
  const intents = stories.length > 0 ? stories : defaultIntents(names, ['serve']);
  const named = intents.map((intent) => ({ intent, base: probeWords(intent).join('-') }));
  return named.map(({ intent, base }, index) => ({
    intent,
    name: named.findIndex((other) => other.base === base) === index ? base : `${base}-${intent.number}`,
  }));
}

function probeWords(intent: StoryIntent): string[] {
  const implied = intent.objectWords.length === 1 && intent.objectWords[0] === 'item';
  if (!implied) return [intent.verb, ...intent.objectWords];
  const said = intent.actionWords.slice(1).filter((word) => !FILLER.has(word));
  return [intent.verb, ...(said.length === 0 ? ['service'] : said.slice(0, 2))];
}
