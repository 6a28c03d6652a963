import type { DescriptionSentence } from '../../naming/description-sentences.js';
import { plural } from '../../naming/plural.js';
import type { ServiceNames } from '../../naming/service-names.js';
import type { StoryIntent } from '../../naming/story-intent.js';
import { spelledRouteChecks } from './spelled-route-checks.js';

/** A request the canary makes: for a story (its path guessed), or as a description sentence spells it. */
export interface StoryCheck {
  /** The story it checks; absent for a check the description spells. */
  readonly intent?: StoryIntent;
  /** The description sentence (1-based) that spells it. */
  readonly sentence?: number;
  /** `Story 1: …` or `Sentence 2: …`: the comment above it in src/checks.ts. */
  readonly comment: string;
  /** Its generated test's title. */
  readonly title: string;
  /** `[a-z0-9-]`, unique. */
  readonly name: string;
  /** `/` or `/orders`: relative to the target base URL. */
  readonly path: string;
  readonly method: string;
  readonly expectedStatus: number;
  /** Sent as JSON with the request. */
  readonly body?: Readonly<Record<string, string | number>>;
  /** Guessed from a story: a path nobody named. */
  readonly guessed: boolean;
  readonly gaps: readonly string[];
}

/**
 * The routes and statuses the description spells out (`GET /payments/{id} returns 404 for an unknown
 * id`), one check each; when it spells none, each story's subject becomes a guessed path
 * (`view my orders` → GET `/orders`, 200), except a story asking for something sent to a person
 * (`I receive an email`, `I am alerted`), which names no route; without either the canary checks `/`.
 */
export function storyChecks(
  stories: readonly StoryIntent[],
  names: ServiceNames,
  sentences: readonly DescriptionSentence[] = [],
): StoryCheck[] {
  const spelled = spelledRouteChecks(sentences);
  if (spelled.length > 0)
    return spelled.map((check, index) => ({
      sentence: check.sentence,
      comment: `Sentence ${check.sentence}: ${check.text}`,
      title: `${check.method} ${check.route} answers ${check.expectedStatus}`,
      name: `route-${index + 1}-${check.method.toLowerCase()}`,
      path: check.path,
      method: check.method,
      expectedStatus: check.expectedStatus,
      ...(check.body === undefined ? {} : { body: check.body }),
      guessed: false,
      gaps: check.gaps,
    }));
  // `I receive an email`, `I am alerted when the job fails`: something sent to a person, no route to request.
  const requested = stories.filter((intent) => intent.receives !== true);
  if (requested.length === 0) {
    const intent: StoryIntent = {
      number: 1,
      text: `the ${names.slug} home page answers (default; ${stories.length === 0 ? 'the request had no user stories' : 'no user story names something to request'})`,
      verb: 'open',
      objectWords: ['home'],
      testTitle: 'default open home page',
      role: [],
      actionWords: ['open', 'home'],
    };
    const check = guessedCheck(intent, 'home', '/');
    // Story 1 is then a story the check does not answer: the comment must not claim it.
    return [stories.length === 0 ? check : { ...check, comment: `Default: ${intent.text}` }];
  }
  return requested.map((intent) => {
    const words = [...intent.objectWords];
    const last = words.pop() ?? 'item';
    return guessedCheck(
      intent,
      `story-${intent.number}-${intent.verb}`,
      `/${[...words, plural(last)].join('-')}`,
    );
  });
}

function guessedCheck(intent: StoryIntent, name: string, path: string): StoryCheck {
  return {
    intent,
    comment: `Story ${intent.number}: ${intent.text}`,
    title: intent.testTitle,
    name,
    path,
    method: 'GET',
    expectedStatus: 200,
    guessed: true,
    gaps: [`the path ${path} is guessed from the story; adjust src/checks.ts to the target's real routes`],
  };
}
