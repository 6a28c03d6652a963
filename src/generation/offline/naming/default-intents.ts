import type { ServiceNames } from './service-names.js';
import type { StoryIntent } from './story-intent.js';

const GENERIC_NAME_WORDS = new Set([
  'api',
  'apis',
  'service',
  'services',
  'svc',
  'app',
  'application',
  'stack',
  'system',
  'backend',
  'http',
  'rest',
  'lambda',
  'microservice',
  'server',
  'integration',
  'queue',
  'consumer',
  'worker',
  'pipeline',
  'deploy',
  'deployment',
  'release',
  'test',
  'tests',
  'testing',
  'smoke',
  'canary',
  'synthetic',
  'infrastructure',
  'infra',
  'foundation',
]);

/** The service's subject (`Orders API` → `orders`), for blueprints asked to work without stories. */
export function subjectNoun(names: ServiceNames): string {
  return names.slug.split('-').find((word) => !GENERIC_NAME_WORDS.has(word) && /^[a-z]/.test(word)) ?? 'item';
}

/**
 * Stand-in intents when a request has no user stories, marked as defaults wherever they show: on the
 * service's subject, or on the noun given (the record the description says the subject is booked in).
 */
export function defaultIntents(
  names: ServiceNames,
  verbs: readonly string[],
  noun: string = subjectNoun(names),
): StoryIntent[] {
  return verbs.map((verb, index) => ({
    number: index + 1,
    text: `${verb} ${noun} (default; the request had no user stories)`,
    verb,
    objectWords: [noun],
    testTitle: `default ${verb} ${noun}`,
    role: [],
    actionWords: [verb, noun],
  }));
}
