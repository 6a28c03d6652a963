import { defaultIntents } from '../../naming/default-intents.js';
import type { ServiceNames } from '../../naming/service-names.js';
import type { StoryIntent } from '../../naming/story-intent.js';

/** A story (or a default) and the probe the pre-traffic hook sends a new version for it. */
export interface ReleaseProbe {
  readonly intent: StoryIntent;
  /** `[a-z0-9-]`, unique. */
  readonly name: string;
}

export function releaseProbes(stories: readonly StoryIntent[], names: ServiceNames): ReleaseProbe[] {
  const intents = stories.length > 0 ? stories : defaultIntents(names, ['serve']);
  return intents.map((intent) => ({
    intent,
    name: [`story-${intent.number}`, intent.verb, ...intent.objectWords].join('-'),
  }));
}
