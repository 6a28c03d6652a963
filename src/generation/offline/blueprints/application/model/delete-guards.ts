import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import { plural } from '../../../naming/plural.js';
import { verbForms } from '../../../naming/verb-forms.js';
import type { Operation, Resource } from './resource-model-types.js';
import { verbsOfKind } from './verb-kind.js';

/** Words that refuse what the sentence names (`is not allowed`, `cannot`, `is forbidden`). */
const REFUSING = new Set([
  'not',
  'cannot',
  'never',
  't',
  'forbidden',
  'prevented',
  'blocked',
  'refused',
  'disallowed',
]);
/** Words that say the item holds the children (`while it has bins`, `a warehouse with bins`). */
const HOLDS = new Set(['has', 'have', 'with', 'contains', 'contain', 'holds', 'hold', 'still']);

/** `binLocation` → `location`: the word a sentence names a resource by. */
const headOf = (name: string) => (name.split(/(?=[A-Z])/).at(-1) ?? name).toLowerCase();

/**
 * `Deleting a warehouse is not allowed while it has bins.`: the delete of the parent is refused (409)
 * while items made under it exist, the opposite of a cascade. A sentence asks it when it holds a
 * delete verb, a refusal, the parent's name, a word of holding (`has`, `with`) and the name of a
 * resource made under that parent (singular or plural). Each parent's delete route gets the child
 * collections it checks (`refusedWhileHas`); other routes are as they were.
 */
export function guardedDeletes(
  operations: readonly Operation[],
  resources: readonly Resource[],
  sentences: readonly DescriptionSentence[],
): Operation[] {
  const deletes = new Set(verbsOfKind('delete').flatMap(verbForms));
  const asked = sentences
    .map((sentence) => sentence.clauses.flatMap((clause) => clause.words))
    .filter(
      (words) =>
        words.some((word) => deletes.has(word)) &&
        words.some((word) => REFUSING.has(word)) &&
        words.some((word) => HOLDS.has(word)),
    );
  return operations.map((operation) => {
    if (operation.kind !== 'delete') return operation;
    const head = headOf(operation.resource);
    const children = resources.filter(
      (child) =>
        child.parent?.name === operation.resource &&
        asked.some(
          (words) =>
            (words.includes(head) || words.includes(plural(head))) &&
            (words.includes(headOf(child.name)) || words.includes(plural(headOf(child.name)))),
        ),
    );
    return children.length === 0
      ? operation
      : { ...operation, refusedWhileHas: children.map((child) => child.collection) };
  });
}
