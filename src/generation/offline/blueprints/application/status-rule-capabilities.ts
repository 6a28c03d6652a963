import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import type { DescriptionSentence } from '../../naming/description-sentences.js';
import { verbForms } from '../../naming/verb-forms.js';
import type { Resource, ResourceModel } from './model/resource-model-types.js';
import { verbsOfKind } from './model/verb-kind.js';
import { ANY_VALUE, nounsOf, statusWord, statusesOf, visibilityWords } from './model/visible-status.js';
import { visibleDefaultPlan, visibleDefaultTitle } from './visible-default-test.js';
import { withArticle } from '../../naming/article.js';
import { spokenName } from '../../naming/spoken-name.js';

/** Words refusing an action (`Declined ideas cannot receive votes.`); `not` only after a modal. */
const NEGATIONS = ['cannot', 'never'];
const MODALS = new Set(['can', 'may', 'must', 'should', 'could']);
/** Words between a negation and its verb (`cannot be`, `can never ever`). */
const FILLERS = new Set(['be', 'ever', 'not', 'been', 'get', 'have']);

/**
 * Rules a description states about the items in one status that no generated route enforces:
 * - `Only published recipes are listed to members.`: the list keeps that status by default
 *   (`visibleByDefault`), proven by a generated test; partial, since any caller can still ask
 *   `?status=` for another (the service does not know who the members are).
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

function visibilityRules(
  resource: Resource,
  model: ResourceModel,
  test: (title: string) => TestEvidence,
): Capability[] {
  const list = model.operations.find(
    (operation) => operation.resource === resource.name && operation.kind === 'list',
  );
  const byStatus = list?.filters.find((filter) => filter.field === 'status');
  const plural = resource.collection.replace(/-/g, ' ');
  const plan = visibleDefaultPlan(resource, model);
  return statusesOf(resource).map((status): Capability => {
    const when = visibilityWords(resource, status);
    if (list === undefined || byStatus === undefined)
      return {
        when,
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated: `no list of ${plural} keeps out those that are not ${status}: ${list === undefined ? `no route lists ${plural}` : `${list.routeKey} lists ${plural} in every status`}; add the filter to the route by hand`,
      };
    // `Only published articles are visible to readers.`: the list keeps the status by default (`visibleByDefault`).
    if (byStatus.default === status)
      return {
        when,
        implementedBy: `${list.routeKey} lists only ${status} ${plural} unless ?status= names another (?status=${ANY_VALUE} lists every status)`,
        tests: plan === undefined ? [] : [test(visibleDefaultTitle(plan, resource))],
        resources: [list.logicalId],
        gaps: [
          `any caller can still ask ${list.routeKey}?status= for ${plural} in another status: the service has no authorizer and does not know who reads, so the others are kept out by default, not from anyone; put an authorizer in front that drops ?status= for those who may see only ${status} ${plural}`,
          ...(plan === undefined
            ? [
                `no route moves ${withArticle(spokenName(resource.name))} out of ${status}, so no generated test shows another status kept out`,
              ]
            : []),
        ],
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
