import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import { mentions } from './mentions.js';
import type { ProhibitedChange } from './resource-model-types.js';

/** Verbs that change a stored item (`can never be changed`). */
const CHANGE_VERBS = new Set([
  'change',
  'changed',
  'edit',
  'edited',
  'modify',
  'modified',
  'update',
  'updated',
  'alter',
  'altered',
  'overwrite',
  'overwritten',
  'rewrite',
  'rewritten',
]);
/** Verbs that remove one (`or deleted`). */
const DELETE_VERBS = new Set([
  'delete',
  'deleted',
  'remove',
  'removed',
  'erase',
  'erased',
  'purge',
  'purged',
]);
/** Participles of setting or flipping a yes/no field (`cannot be enabled`): the set routes do it. */
const FLIP_PARTICIPLES = new Set([
  'enabled',
  'disabled',
  'toggled',
  'flipped',
  'switched',
  'activated',
  'deactivated',
]);
/** Modals a `not` after which forbids (`must not be changed`). */
const MODALS = new Set(['can', 'may', 'must', 'should', 'shall', 'will', 'could']);

/**
 * What the description forbids doing to a resource (`Entries can never be changed or deleted.`,
 * `Entries are immutable`, `an append-only log`): one per clause that forbids a change or a delete,
 * named to the resource the clause (else its sentence, else the one resource of the model) mentions.
 * A prohibition is met by the routes a service lacks, so coverage reads it against the routes; one
 * that names a status of the resource (`A canceled subscription cannot be changed.`, `once it is
 * closed`) forbids the change in that status only, a guard the routes keep (409). One forbidding a
 * yes/no participle (`Archived flags cannot be enabled.`) forbids the routes that set or flip one.
 */
export function prohibitedChanges(
  sentences: readonly DescriptionSentence[],
  resources: readonly {
    readonly name: string;
    readonly head: string;
    /** The resource's statuses: a clause naming one forbids the change in that status only. */
    readonly statuses?: readonly string[];
  }[],
): ProhibitedChange[] {
  return sentences.flatMap((sentence) =>
    sentence.clauses.flatMap((clause) => {
      const forbids = forbiddenKinds(clause.words);
      if (forbids === undefined) return [];
      const named = (words: readonly string[]) =>
        resources.filter((resource) => mentions(words, resource.head));
      const clauseNamed = named(clause.words);
      const sentenceNamed = named(sentence.clauses.flatMap((one) => one.words));
      const owners =
        clauseNamed.length > 0
          ? clauseNamed
          : sentenceNamed.length > 0
            ? sentenceNamed
            : resources.length === 1
              ? resources
              : [];
      return owners.map((owner) => {
        const inStatuses = (owner.statuses ?? []).filter((status) => namesStatus(clause.words, status));
        return {
          resource: owner.name,
          ...forbids,
          ...(inStatuses.length === 0 ? {} : { inStatuses }),
          words: clause.words,
          text: clause.text,
        };
      });
    }),
  );
}

/** The kinds of change the words forbid, or undefined when they forbid none. */
function forbiddenKinds(
  words: readonly string[],
): { changes: boolean; deletes: boolean; flips?: string } | undefined {
  const appendOnly = words.some((word, index) => word === 'append' && words[index + 1] === 'only');
  const immutable = words.includes('immutable') || words.includes('unchangeable');
  const negated = words.some(
    (word, index) =>
      word === 'never' ||
      word === 'cannot' ||
      word === 'nobody' ||
      (word === 'not' && MODALS.has(words[index - 1] ?? '')) ||
      (word === 't' && ['can', 'won', 'mustn'].includes(words[index - 1] ?? '')) ||
      (word === 'one' && words[index - 1] === 'no'),
  );
  const changes = appendOnly || immutable || (negated && words.some((word) => CHANGE_VERBS.has(word)));
  const deletes = appendOnly || (negated && words.some((word) => DELETE_VERBS.has(word)));
  const flips = negated ? words.find((word) => FLIP_PARTICIPLES.has(word)) : undefined;
  if (!changes && !deletes && flips === undefined) return undefined;
  return { changes, deletes, ...(flips === undefined ? {} : { flips }) };
}

/**
 * Whether the words name the status (`past_due` as `past`, `due`), other than as the verb the
 * prohibition forbids (`deleted` in `cannot be deleted` is not the status `deleted`).
 */
function namesStatus(words: readonly string[], status: string): boolean {
  const parts = status.split('_');
  const verbs = [CHANGE_VERBS, DELETE_VERBS, FLIP_PARTICIPLES];
  if (parts.length === 1 && verbs.some((verb) => verb.has(status))) return false;
  return words.some((_, at) => parts.every((part, offset) => words[at + offset] === part));
}
