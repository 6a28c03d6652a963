import type { Resource, ResourceModel } from './resource-model-types.js';
import { REMAINDER_WORDS } from './derived-figures.js';
import { wordsOfText } from './words-of-text.js';

/** Declared numbers that hold what an item is worth or allows (`totalAmount`, `limit`). */
const TOTAL = /total|amount|price|limit|allowance|budget|cost/i;
/** Declared numbers that hold what was paid or used against it (`amount`, `paidAmount`). */
const PART = /amount|paid|sum|value|quantity/i;

/**
 * What a remainder (`the remaining balance of an invoice`, `how much is left to pay`) is worked out
 * from, as far as the model has it: the item it is of (`whole`, the resource the figure's words
 * name), that item's declared total (`totalAmount`), and the children made under it with a declared
 * amount (`payment.amount`). Undefined when the figure's words ask for no remainder or name no resource.
 */
export function remainderParts(
  derived: string,
  model: Pick<ResourceModel, 'resources'>,
):
  | {
      readonly whole: Resource;
      readonly total?: string;
      readonly parts?: { readonly child: Resource; readonly amount: string };
      readonly loose?: Resource;
    }
  | undefined {
  const words = wordsOfText(derived);
  if (!words.some((word) => REMAINDER_WORDS.has(word)) && !words.includes('much')) return undefined;
  const whole = model.resources.find((resource) => words.includes(resource.name.toLowerCase()));
  if (whole === undefined) return undefined;
  const total = numberField(whole, TOTAL);
  const child = model.resources.find(
    (resource) => resource.parent?.name === whole.name && numberField(resource, PART) !== undefined,
  );
  const amount = child === undefined ? undefined : numberField(child, PART);
  const loose = model.resources.find(
    (resource) =>
      resource !== whole && resource.parent === undefined && numberField(resource, PART) !== undefined,
  );
  return {
    whole,
    ...(total === undefined ? {} : { total }),
    ...(child === undefined || amount === undefined ? {} : { parts: { child, amount } }),
    ...(loose === undefined ? {} : { loose }),
  };
}

function numberField(resource: Resource, pattern: RegExp): string | undefined {
  return resource.fields.find((field) => field.type === 'number' && pattern.test(field.name))?.name;
}
