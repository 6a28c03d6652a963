import type { StoryIntent } from '../../../naming/story-intent.js';
import { logicalIdOf } from './logical-id-of.js';
import { mentions } from './mentions.js';
import type { ParsedStory } from './parsed-story.js';
import { asksForRedirect } from './redirect-story.js';
import type { FieldSpec, Operation, Resource } from './resource-model-types.js';
import { routeKey } from './route-key.js';
import { storyRestriction } from './story-restriction.js';
import { wordsOfText } from './words-of-text.js';

/** A declared text field that holds where to send a visitor: `targetUrl`, `url`, `destination`. */
const URL_FIELD = /url$|^target|^destination/i;

/**
 * `I am redirected to the target when I open a short link`: a route answering 302 with the item's
 * URL as Location (`GET /links/{id}/visit`), on the resource the story names (else the only one)
 * that declares a URL field. A story with no such resource gets no route, and coverage says why.
 * Returns the routes and the stories, read as redirects, that they serve.
 */
export function redirectOperations(
  intents: readonly StoryIntent[],
  resources: readonly Resource[],
): { operations: Operation[]; stories: ParsedStory[] } {
  const made = intents.filter(asksForRedirect).flatMap((intent) => {
    const words = wordsOfText(intent.text);
    const withUrl = resources.flatMap((resource) => {
      const fields = resource.fields.filter((field) => field.type === 'string' && URL_FIELD.test(field.name));
      return fields.length === 0 ? [] : [{ resource, fields }];
    });
    const named = withUrl.filter(({ resource }) =>
      mentions(
        words,
        resource.name
          .split(/(?=[A-Z])/)
          .at(-1)
          ?.toLowerCase() ?? '',
      ),
    );
    const chosen = named[0] ?? (withUrl.length === 1 ? withUrl[0] : undefined);
    if (chosen === undefined) return [];
    const field = chosen.fields.find((candidate) => words.includes(firstWord(candidate))) ?? chosen.fields[0];
    if (field === undefined) return [];
    const story: ParsedStory = {
      intent,
      kind: 'redirect',
      verb: 'visit',
      noun: chosen.resource.name,
      collective: false,
      fields: [],
      refusedFrom: [],
      unused: [],
      ownerIsSelf: false,
      restriction: storyRestriction(intent),
    };
    const key = routeKey(chosen.resource.collection, 'redirect', 'visit');
    const operation: Operation = {
      kind: 'redirect',
      resource: chosen.resource.name,
      action: 'visit',
      redirectsTo: field.name,
      refusedFrom: [],
      onlyIn: [],
      records: [],
      filters: [],
      roles: [],
      routeKey: key,
      logicalId: logicalIdOf(key),
      stories: [story],
    };
    return [{ operation, story }];
  });
  // Two redirect stories on one resource share its one route.
  const operations = new Map<string, Operation>();
  for (const { operation } of made) {
    const known = operations.get(operation.routeKey);
    operations.set(
      operation.routeKey,
      known === undefined ? operation : { ...known, stories: [...known.stories, ...operation.stories] },
    );
  }
  return { operations: [...operations.values()], stories: made.map(({ story }) => story) };
}

function firstWord(field: FieldSpec): string {
  return field.name.split(/(?=[A-Z])/)[0]?.toLowerCase() ?? '';
}
