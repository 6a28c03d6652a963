import { plural } from '../../naming/plural.js';
import type { ServiceNames } from '../../naming/service-names.js';
import type { StoryIntent } from '../../naming/story-intent.js';

/** A story (or the default home-page check) and the endpoint the canary requests for it. */
export interface StoryCheck {
  readonly intent: StoryIntent;
  /** `[a-z0-9-]`, unique. */
  readonly name: string;
  /** `/` or `/orders`: relative to the target base URL. */
  readonly path: string;
}

/** Each story's subject becomes a path (`view my orders` → `/orders`); without stories the canary checks `/`. */
export function storyChecks(stories: readonly StoryIntent[], names: ServiceNames): StoryCheck[] {
  if (stories.length === 0) {
    const intent: StoryIntent = {
      number: 1,
      text: `the ${names.slug} home page answers (default; the request had no user stories)`,
      verb: 'open',
      objectWords: ['home'],
      testTitle: 'default open home page',
      role: [],
      actionWords: ['open', 'home'],
    };
    return [{ intent, name: 'home', path: '/' }];
  }
  return stories.map((intent) => {
    const words = [...intent.objectWords];
    const last = words.pop() ?? 'item';
    return {
      intent,
      name: `story-${intent.number}-${intent.verb}`,
      path: `/${[...words, plural(last)].join('-')}`,
    };
  });
}
