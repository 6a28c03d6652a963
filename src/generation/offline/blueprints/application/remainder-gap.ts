import { spokenName } from '../../naming/spoken-name.js';
import { REMAINDER_WORDS } from './model/derived-figures.js';
import type { ParsedStory } from './model/parsed-story.js';
import type { Resource, ResourceModel } from './model/resource-model-types.js';
import { wordsOfText } from './model/words-of-text.js';

/** Declared numbers that hold what an item is worth or allows (`totalAmount`, `limit`). */
const TOTAL = /total|amount|price|limit|allowance|budget|cost/i;
/** Declared numbers that hold what was paid or used against it (`amount`, `paidAmount`). */
const PART = /amount|paid|sum|value|quantity/i;

/**
 * Why a remainder (`the remaining balance of an invoice`, `how much is left to pay`) is not covered:
 * it is a total less what was paid against it, computed on read. Says which parts the model has
 * (the item's total field; payments with an amount made under the item) and which it lacks, so the
 * row names the work left; undefined for a figure that is no remainder.
 */
export function remainderGap(story: ParsedStory, model: ResourceModel): string | undefined {
  const words = wordsOfText(story.derived ?? '');
  if (!words.some((word) => REMAINDER_WORDS.has(word)) && !words.includes('much')) return undefined;
  const whole = model.resources.find((resource) => words.includes(resource.name.toLowerCase()));
  if (whole === undefined) return undefined;
  const total = numberField(whole, TOTAL);
  const parts = model.resources.find(
    (resource) => resource.parent?.name === whole.name && numberField(resource, PART) !== undefined,
  );
  const loose = model.resources.find(
    (resource) =>
      resource !== whole && resource.parent === undefined && numberField(resource, PART) !== undefined,
  );
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

function numberField(resource: Resource, pattern: RegExp): string | undefined {
  return resource.fields.find((field) => field.type === 'number' && pattern.test(field.name))?.name;
}

function withA(name: string): string {
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}
