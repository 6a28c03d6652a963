import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import type { DescriptionSentence } from '../../naming/description-sentences.js';
import { verbForms } from '../../naming/verb-forms.js';
import type { Resource, ResourceModel } from './model/resource-model-types.js';
import { verbsOfKind } from './model/verb-kind.js';

/** `in_progress` → `progress`: the word a sentence names a status by. */
const statusWord = (status: string) => status.split('_').at(-1) ?? status;

/** The words of a resource's names (`line-items` → `items`): the last names the thing. */
const nounsOf = (resource: Resource) => [
  resource.name
    .split(/(?=[A-Z])/)
    .at(-1)
    ?.toLowerCase() ?? resource.name,
  resource.collection.split('-').at(-1) ?? resource.collection,
];

/** Words saying who sees an item in a list (`Only published recipes are listed to members.`). */
const LISTED = ['listed', 'shown', 'visible', 'returned', 'seen', 'listing'];

/** Words refusing an action (`Declined ideas cannot receive votes.`); `not` only after a modal. */
const NEGATIONS = ['cannot', 'never'];
const MODALS = new Set(['can', 'may', 'must', 'should', 'could']);
/** Words between a negation and its verb (`cannot be`, `can never ever`). */
const FILLERS = new Set(['be', 'ever', 'not', 'been', 'get', 'have']);

/**
 * Rules a description states about the items in one status that no generated route enforces:
 * - `Only published recipes are listed to members.`: the list filters by that status only when asked
 *   (`?status=published`) and otherwise lists every item, so the row is partial, saying so.
 * - `Declined ideas cannot receive votes.`: no route of that resource does what is refused (no route
 *   receives a vote), so the rule guards nothing generated and nothing refuses it; never met.
 * A refusal of a change or a delete (`Cancelled orders cannot be changed.`) is a prohibition
 * (prohibition-coverage.ts), and a refused move a route has (`cannot be cancelled`) its status rule.
 */
export function statusRuleCapabilities(params: {
  model: ResourceModel;
  sentences: readonly DescriptionSentence[];
  test: (title: string) => TestEvidence;
}): Capability[] {
  return params.model.resources.flatMap((resource) => [
    ...visibilityRules(resource, params.model, params.test),
    ...unguardedRules(resource, params.model, params.sentences),
  ]);
}

function statusesOf(resource: Resource): string[] {
  const machine = resource.status;
  if (machine === undefined) return [];
  return [
    ...new Set([machine.initial, ...machine.transitions.map((move) => move.to), ...machine.setElsewhere]),
  ];
}

function visibilityRules(
  resource: Resource,
  model: ResourceModel,
  test: (title: string) => TestEvidence,
): Capability[] {
  const list = model.operations.find(
    (operation) => operation.resource === resource.name && operation.kind === 'list',
  );
  const filtered = list?.filters.some((filter) => filter.field === 'status') === true;
  const plural = resource.collection.replace(/-/g, ' ');
  return statusesOf(resource).map((status) => {
    const when = nounsOf(resource).flatMap((noun) =>
      LISTED.map((listed) => ['only', statusWord(status), noun, listed]),
    );
    if (list === undefined || !filtered)
      return {
        when,
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated: `no list of ${plural} keeps out those that are not ${status}: ${list === undefined ? `no route lists ${plural}` : `${list.routeKey} lists ${plural} in every status`}; add the filter to the route by hand`,
      };
    return {
      when,
      implementedBy: `${list.routeKey}?status=${status} lists only ${status} ${plural}`,
      tests: list.stories.map((story) => test(story.intent.testTitle)),
      resources: [list.logicalId],
      gaps: [
        `${list.routeKey} without ?status=${status} lists ${plural} in every status: the list does not keep the others out by itself (nor by who asks); make ${status} its default by hand`,
      ],
    };
  });
}

/** The verbs the resource's routes do, in every form: what a refusal can guard. */
function routeVerbs(resource: Resource, model: ResourceModel): Set<string> {
  const own = model.operations.filter((operation) => operation.resource === resource.name);
  const verbs = [
    ...own.flatMap((operation) => [
      ...(operation.action === undefined ? [] : [operation.action]),
      ...operation.stories.map((story) => story.verb),
    ]),
    // Changes and deletes are prohibitions, said by prohibition-coverage.ts whether routes exist or not.
    ...verbsOfKind('update'),
    ...verbsOfKind('delete'),
  ];
  return new Set(verbs.flatMap((verb) => [verb, ...verbForms(verb)]));
}

/** `cannot receive`, `can not be moved`, `must never get`: the verb a clause refuses, with its negation. */
function refusedVerb(words: readonly string[]): { negation: string; verb: string } | undefined {
  const at = words.findIndex(
    (word, index) => NEGATIONS.includes(word) || (word === 'not' && MODALS.has(words[index - 1] ?? '')),
  );
  if (at === -1) return undefined;
  let next = at + 1;
  while (FILLERS.has(words[next] ?? '')) next += 1;
  const verb = words[next];
  return verb === undefined ? undefined : { negation: words[at] ?? '', verb };
}

function unguardedRules(
  resource: Resource,
  model: ResourceModel,
  sentences: readonly DescriptionSentence[],
): Capability[] {
  const statuses = statusesOf(resource);
  const nouns = nounsOf(resource);
  const guarded = routeVerbs(resource, model);
  const plural = resource.collection.replace(/-/g, ' ');
  return sentences.flatMap((sentence) =>
    sentence.clauses.flatMap((clause) => {
      const words = clause.words;
      const status = statuses.find((candidate) => words.includes(statusWord(candidate)));
      const refused = refusedVerb(words);
      if (status === undefined || refused === undefined || !nouns.some((noun) => words.includes(noun)))
        return [];
      if (guarded.has(refused.verb)) return [];
      return [
        {
          when: [[statusWord(status), refused.negation, refused.verb]],
          implementedBy: '',
          tests: [],
          resources: [],
          notGenerated: `no route of ${plural} does what the rule refuses ("${refused.verb}"), so nothing refuses it for ${status} ${plural}; the route and its refusal are not generated`,
        },
      ];
    }),
  );
}
