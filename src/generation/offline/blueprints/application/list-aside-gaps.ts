import { participle } from '../../naming/participle.js';
import { callerField } from './model/caller-field.js';
import type { ParsedStory } from './model/parsed-story.js';
import type { Operation } from './model/resource-model-types.js';

/** A list's time (`placed this week`), order (`sorted by total`) and negation (`unassigned`): said, as no filter answers them. */
export function listAsideGaps(story: ParsedStory, operation: Operation, collection: string): string[] {
  const negated = story.negated;
  return [
    ...(story.time === undefined
      ? []
      : [
          `"${story.time}" is not a filter of ${operation.routeKey}: lists are not filtered on when an item was made or changed, so all ${collection} are listed whenever they were made`,
        ]),
    ...(story.sort === undefined
      ? []
      : [
          `"${story.sort}" is not generated: ${operation.routeKey} lists the ${collection} in the store's order`,
        ]),
    ...(negated === undefined ||
    operation.filters.some((filter) => filter.missing === true && filter.field === callerField(negated.verb))
      ? []
      : [
          `"${negated.word}" is not a filter of ${operation.routeKey}: ${
            negated.verb === 'assign' || negated.verb === 'reassign'
              ? `lists are not filtered on a missing ${callerField(negated.verb)}`
              : `lists keep the items in one status, not those never ${participle(negated.verb)}`
          }, so all ${collection} are listed`,
        ]),
  ];
}
