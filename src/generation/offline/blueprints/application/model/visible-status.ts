import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import type { ListFilter, Operation, Resource } from './resource-model-types.js';
import { unique } from './unique.js';

/** The value of a defaulted filter that lifts its default (`GET /articles?status=any`: every status); the generated app's ANY_VALUE. */
export const ANY_VALUE = 'any';

/** Words saying who sees an item in a list (`Only published recipes are listed to members.`). */
export const VISIBLE_WORDS = ['listed', 'shown', 'visible', 'returned', 'seen', 'listing'] as const;

/** `in_progress` → `progress`: the word a sentence names a status by. */
export const statusWord = (status: string): string => status.split('_').at(-1) ?? status;

/** The words of a resource's names (`line-items` → `items`): the last names the thing. */
export const nounsOf = (resource: Resource): string[] => [
  resource.name
    .split(/(?=[A-Z])/)
    .at(-1)
    ?.toLowerCase() ?? resource.name,
  resource.collection.split('-').at(-1) ?? resource.collection,
];

/** Every status of a resource's machine: the one it starts in, those its moves reach and those set elsewhere. */
export function statusesOf(resource: Resource): string[] {
  const machine = resource.status;
  if (machine === undefined) return [];
  return unique([machine.initial, ...machine.transitions.map((move) => move.to), ...machine.setElsewhere]);
}

/**
 * The word sets of a clause stating that only items in `status` are seen (`Only published articles
 * are visible to readers.`): `only`, the status's word, a noun of the resource and a word of seeing,
 * anywhere in one clause. The coverage row asks by the same sets, so model and row agree.
 */
export function visibilityWords(resource: Resource, status: string): string[][] {
  return nounsOf(resource).flatMap((noun) =>
    VISIBLE_WORDS.map((seen) => ['only', statusWord(status), noun, seen]),
  );
}

/** The first status of the resource a description sentence says only its items are seen in; undefined for none. */
export function visibleStatus(
  resource: Resource,
  sentences: readonly DescriptionSentence[],
): string | undefined {
  const clauses = sentences.flatMap((sentence) => sentence.clauses.map((clause) => new Set(clause.words)));
  return statusesOf(resource).find((status) =>
    visibilityWords(resource, status).some((words) =>
      clauses.some((clause) => words.every((word) => clause.has(word))),
    ),
  );
}

/**
 * `Only published articles are visible to readers.`: the top-level list of articles lists only
 * `published` ones unless its `?status=` names another: its status filter (added when no story asked
 * for one) takes `published` as its `default`. Lists under a parent take no filter (`listFilters`)
 * and are left as they are, and so is every other operation.
 */
export function visibleByDefault(params: {
  operations: readonly Operation[];
  resources: readonly Resource[];
  sentences: readonly DescriptionSentence[];
}): Operation[] {
  return params.operations.map((operation) => {
    if (operation.kind !== 'list' || operation.parent !== undefined) return operation;
    const resource = params.resources.find((candidate) => candidate.name === operation.resource);
    if (resource === undefined || resource.parent !== undefined) return operation;
    const status = visibleStatus(resource, params.sentences);
    // A status named `any` would be lifted by its own value: such a list keeps no default.
    if (status === undefined || statusesOf(resource).includes(ANY_VALUE)) return operation;
    const own = operation.filters.find((filter) => filter.field === 'status');
    const filter: ListFilter = {
      ...(own ?? { field: 'status', values: statusesOf(resource) }),
      default: status,
    };
    return {
      ...operation,
      filters:
        own === undefined
          ? [...operation.filters, filter]
          : operation.filters.map((candidate) => (candidate === own ? filter : candidate)),
    };
  });
}
