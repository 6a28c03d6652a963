import { spokenName } from '../../naming/spoken-name.js';
import type { ParsedStory } from './model/parsed-story.js';
import type { ResourceModel } from './model/resource-model-types.js';
import { remainderParts } from './model/remainder-parts.js';

/**
 * Why a remainder (`the remaining balance of an invoice`, `how much is left to pay`) is not covered:
 * it is a total less what was paid against it, computed on read. Says which parts the model has
 * (the item's total field; payments with an amount made under the item) and which it lacks, so the
 * row names the work left; undefined for a figure that is no remainder.
 */
export function remainderGap(story: ParsedStory, model: ResourceModel): string | undefined {
  const found = remainderParts(story.derived ?? '', model);
  if (found === undefined) return undefined;
  const { whole, total, loose } = found;
  const parts = found.parts?.child;
  const name = spokenName(whole.name);
  const lacks = [
    ...(total === undefined
      ? [`${name}s declare no total to start from (a number such as a total amount)`]
      : []),
    ...(parts !== undefined
      ? []
      : loose !== undefined
        ? [
            `${spokenName(loose.name)}s are made on their own, not under ${name}s (no ${spokenName(loose.name)} records which ${name} it is against), so none can be summed for one ${name}`,
          ]
        : [
            `nothing records what was paid against ${withA(name)} (no resource with an amount is made under it)`,
          ]),
  ];
  const has = [
    ...(total === undefined ? [] : [`the ${name}'s ${total}`]),
    ...(parts === undefined ? [] : [`the ${parts.collection} made under it`]),
  ];
  return `the story asks for what is left of ${withA(name)} ("${story.derived ?? ''}"): a total less what was paid against it, worked out on read, not a stored field; ${has.length > 0 ? `the model has ${has.join(' and ')}, but ` : ''}${lacks.length > 0 ? `${lacks.join(', and ')}: ` : ''}no route computes it; ${parts === undefined ? `make the payments under the ${name} (POST /${whole.collection}/{id}/payments with an amount) and ` : ''}add a GET route that subtracts their sum from the total to cover it`;
}

function withA(name: string): string {
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}
