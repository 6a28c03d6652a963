import type { Capability } from '../../coverage/capability.js';
import type { DescriptionSentence } from '../../naming/description-sentences.js';
import { verbForms } from '../../naming/verb-forms.js';
import type { Resource, ResourceModel } from './model/resource-model-types.js';
import { verbsOfKind } from './model/verb-kind.js';

/** Modals of an allowance (`Only published postmortems can be shared.`). */
const MODALS = new Set(['can', 'may', 'must', 'should', 'could', 'will']);
/** Verbs other rules answer for: changes and deletes (prohibitions, `onlyInStatus`), reads and lists (visibility). */
const ANSWERED_ELSEWHERE = (['update', 'delete', 'read', 'list'] as const).flatMap(verbsOfKind);
/** Words saying who sees an item (`can be listed`, `shown`): the visibility rules answer those. */
const SEEN = new Set(['listed', 'shown', 'visible', 'returned', 'seen', 'viewed']);

/** The statuses a resource's routes set or start it in. */
function statusesOf(resource: Resource): string[] {
  const machine = resource.status;
  if (machine === undefined) return [];
  return [
    ...new Set([machine.initial, ...machine.transitions.map((move) => move.to), ...machine.setElsewhere]),
  ];
}

/** The last word of a resource's names (`actionItem`, `action-items` → `item`, `items`). */
function nounsOf(resource: Resource): string[] {
  return [
    resource.name
      .split(/(?=[A-Z])/)
      .at(-1)
      ?.toLowerCase() ?? resource.name,
    resource.collection.split('-').at(-1) ?? resource.collection,
  ];
}

/** Every form of the verbs a resource's routes do, and of those other rules answer for. */
function doneVerbs(resource: Resource, model: ResourceModel): Set<string> {
  const verbs = model.operations
    .filter((operation) => operation.resource === resource.name)
    .flatMap((operation) => [
      ...(operation.action === undefined ? [] : [operation.action]),
      ...operation.stories.map((story) => story.verb),
    ]);
  return new Set([...verbs, ...ANSWERED_ELSEWHERE].flatMap((verb) => [verb, ...verbForms(verb)]));
}

/**
 * `only published postmortems can be shared`: the status word, the noun and the participle after
 * `only … can be`, or undefined when the clause is not of that form.
 */
function allowance(
  words: readonly string[],
  statusWords: readonly string[],
  nouns: readonly string[],
): { status: string; noun: string; verb: string } | undefined {
  const only = words.indexOf('only');
  const status = statusWords.find((word) => words.indexOf(word, only + 1) === only + 1);
  const noun = words[only + 2];
  const modal = words.findIndex((word, at) => at > only + 2 && MODALS.has(word));
  const verb = words[modal + 2];
  if (only === -1 || status === undefined || noun === undefined || !nouns.includes(noun)) return undefined;
  if (modal === -1 || words[modal + 1] !== 'be' || verb === undefined) return undefined;
  return { status, noun, verb };
}

/**
 * `Only published postmortems can be shared.`, where no route of postmortems shares one: the rule
 * allows a verb in one status, yet nothing generated does that verb, so nothing keeps the others
 * from it; recognised and not generated, so its row is never met by the route that reaches the
 * status (`publish`). A verb a route does is left to that route's status rules.
 */
export function unguardedOnlyRules(params: {
  model: ResourceModel;
  sentences: readonly DescriptionSentence[];
}): Capability[] {
  return params.model.resources.flatMap((resource) => {
    const statuses = statusesOf(resource);
    const statusWords = statuses.map((status) => status.split('_').at(-1) ?? status);
    const done = doneVerbs(resource, params.model);
    const plural = resource.collection.replace(/-/g, ' ');
    return params.sentences.flatMap((sentence) =>
      sentence.clauses.flatMap((clause) => {
        const asked = allowance(clause.words, statusWords, nounsOf(resource));
        if (asked === undefined || done.has(asked.verb) || SEEN.has(asked.verb)) return [];
        return [
          {
            when: [['only', asked.status, asked.noun, asked.verb]],
            implementedBy: '',
            tests: [],
            resources: [],
            notGenerated: `no route of ${plural} does what the rule allows only for ${asked.status} ${plural} ("${asked.verb}"), so nothing keeps the others from it; the route and its check are not generated`,
          },
        ];
      }),
    );
  });
}
