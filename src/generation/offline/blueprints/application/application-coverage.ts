import { withIndefiniteArticle } from '../../../../core/text/indefinite-article.js';
import { spokenName } from '../../naming/spoken-name.js';
import type { RequirementCoverage, TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import { storyIntent } from '../../naming/story-intent.js';
import type { StoryIntent } from '../../naming/story-intent.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { anyOf, askedSize } from '../../coverage/capability.js';
import type { Capability } from '../../coverage/capability.js';
import { combine, describeSentences } from '../../coverage/describe-coverage.js';
import { asksForRedirect } from './model/redirect-story.js';
import { countGaps } from './count-gaps.js';
import { remainderGap } from './remainder-gap.js';
import { releaseCoverage } from '../../coverage/release-coverage.js';
import { shiftCapability } from '../../coverage/shift-capability.js';
import { withArticle } from '../../naming/article.js';
import { verbForms } from '../../naming/verb-forms.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import {
  DYNAMODB_LISTS,
  DYNAMODB_WRITES,
  EVENTBRIDGE_PUTS,
  ROUTES_MATCH_TEMPLATE,
  TABLE_SETTINGS,
  TEST_FILES,
  eventFailureTitle,
  eventsTitle,
  lifecycleTitle,
  statusesTitle,
  validationTitle,
} from './application-test-titles.js';
import { parentTitle } from './application-create-call.js';
import { ownerCapabilities } from './owner-coverage.js';
import { parentCapabilities } from './parent-coverage.js';
import { listAsideGaps } from './list-aside-gaps.js';
import { listTimeGap } from './list-time-gap.js';
import { countingStories } from './model/kept-counts.js';
import { logRetentionDefault } from '../../cfn/log-retention-asked.js';
import { logRetentionDifferences } from '../../coverage/log-retention-differences.js';
import { logRetentionTitle } from '../../cfn/log-retention-test.js';
import { noticeCoverage } from './notice-coverage.js';
import { opposingProhibition, prohibitionCapabilities } from './prohibition-coverage.js';
import type { ParsedStory } from './model/parsed-story.js';
import type { FieldSpec, Operation, Resource, ResourceModel } from './model/resource-model-types.js';
import { PUBLISH_WORDS } from './model/asks-for-status-events.js';
import { verbsOfKind } from './model/verb-kind.js';
import { ownerFieldOf } from './model/owner-field-of.js';
import { statusCapabilities } from './status-coverage.js';
import { ruleCapabilities } from './rule-capabilities.js';
import { statusRuleCapabilities } from './status-rule-capabilities.js';
import { unguardedOnlyRules } from './only-status-rules.js';
import { refusedMoveCapabilities } from './refused-move-coverage.js';
import { sentenceNotGenerated } from './unmet-sentences.js';
import { describedRestriction } from './model/story-restriction.js';
import { wordsOfText } from './model/words-of-text.js';
import { domainWords, withoutDomainAsks } from './domain-words.js';
import { notFoundCapabilities } from './not-found-coverage.js';
import { namesTheService } from './service-naming-sentence.js';
import { THROTTLING_BURST_LIMIT, THROTTLING_RATE_LIMIT } from '../../cfn/http-api-part.js';
import { throttleDifferences } from '../../coverage/throttle-comparison.js';

const EVENT_WORDS = [
  'event',
  'events',
  'publish',
  'published',
  'notify',
  'notified',
  'notification',
  'notifications',
  'emit',
  'emitted',
];
const STATUS_WORDS = ['status', 'state', 'statuses'];

/** Words that ask for something to lapse by itself (`expire`, `lapse`). */
const EXPIRY_WORDS = [
  'expire',
  'expires',
  'expired',
  'expiring',
  'expiry',
  'expiration',
  'lapse',
  'lapses',
  'lapsed',
];
/** Words that put an expiry in time (`after their duration`, `in 7 days`, `automatically`). */
const EXPIRY_TIME_WORDS = [
  'after',
  'in',
  'within',
  'once',
  'duration',
  'automatically',
  'minute',
  'minutes',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
];

/** What each story, description sentence and the strategy became, with the tests that prove it. */
export function applicationCoverage(params: {
  input: BlueprintInput;
  model: ResourceModel;
  shifting: TrafficShifting;
}): RequirementCoverage[] {
  const { input, model } = params;
  const test = (file: keyof typeof TEST_FILES, title: string): TestEvidence => ({
    path: `${input.baseDir}/${TEST_FILES[file]}`,
    title,
  });
  const capabilities = applicationCapabilities({ ...params, test });
  const events = capabilities.events;
  const stories = input.stories.map((intent) => {
    const source = { kind: 'story', number: intent.number } as const;
    if (model.eventStories.includes(intent) && events !== undefined)
      return combine({
        source,
        text: intent.text,
        parts: [
          {
            text: intent.text,
            capabilities: [{ ...events, tests: [test('app', intent.testTitle), ...events.tests] }],
          },
        ],
      });
    const redirect = model.operations.find(
      (operation) =>
        operation.kind === 'redirect' && operation.stories.some((story) => story.intent === intent),
    );
    if (asksForRedirect(intent) && redirect === undefined)
      return {
        source,
        text: intent.text,
        status: 'not_covered' as const,
        tests: [],
        resources: [],
        gaps: [redirectGap(model)],
      };
    const notice = model.notices.find((candidate) => candidate.intent === intent);
    if (notice !== undefined) return noticeCoverage({ notice, model, test: (title) => test('app', title) });
    const story = model.stories.find((candidate) => candidate.intent === intent);
    const operation = model.operations.find(
      (candidate) => story !== undefined && candidate.stories.includes(story),
    );
    if (story === undefined || operation === undefined) {
      return {
        source,
        text: intent.text,
        status: 'not_covered' as const,
        tests: [],
        resources: [],
        gaps: [
          story?.derived !== undefined && story.computes !== undefined
            ? `the story asks to ${story.computes} something ("${story.derived}"): a read that works a result out of the item, whose rule the request does not give, so no route was generated (a read of the item back would not ${story.computes} it, and a status move would write); add a GET route that computes it to cover it`
            : story?.derived !== undefined && story.countsEvents === true
              ? `the story asks for a count of events ("${story.derived}"): no resource of the model records those events (no route stores one), so nothing can count them and no route was generated; record each event (for example a route or a redirect that stores it) and a read that counts them to cover it`
              : story?.derived !== undefined && remainderGap(story, model) !== undefined
                ? (remainderGap(story, model) ?? '')
                : story?.derived !== undefined
                  ? `the story asks to see a figure computed from other records ("${story.derived}"), not a record anyone stores: no route computes it, and none is faked as a stored ${story.derived.split(' ').at(-1) ?? 'figure'} someone must POST; add a route that computes it from the ${model.resources.map((resource) => resource.collection).join(' and ') || 'stored items'} (and whatever it is counted against, such as an allowance) to cover it`
                  : intent.receives === true
                    ? `the story asks for something sent to the ${intent.role.join(' ') || 'user'} (an alert, an email, a report): this service sends nothing to people, so no route was generated for it; subscribe to its status events${events === undefined ? ' (ask for "an event when the status changes")' : ''} to build that`
                    : story?.notInLifecycle !== undefined
                      ? // `like a class` beside `a number of likes`: the act is the count's, not a status.
                        (keptCountGap(intent, model) ?? notInLifecycleGap(story.notInLifecycle))
                      : (keptCountGap(intent, model) ??
                        'the story names nothing the API could store or act on, so no route was generated for it'),
          ...(intent.receives === true ? notGeneratedAsks(intent.text, capabilities.all) : []),
        ],
      };
    }
    return combine({
      source,
      text: intent.text,
      parts: [{ text: intent.text, capabilities: [operationCapability({ operation, model, test, story })] }],
      extraGaps: [
        ...storyGaps(story, model, operation),
        ...notGeneratedAsks(intent.text, capabilities.all),
        ...optional(keptCountGap(intent, model, operation)),
      ],
    });
  });
  const storyRows = stories.map((row, index) => withoutPersonaNumbers(row, input.stories[index]?.role ?? []));
  return [
    ...storyRows,
    ...input.descriptionSentences.flatMap((sentence) => {
      // `Email the member when their hold is ready.`: answered by the notice it made, as a story's is.
      const notice = model.notices.find((candidate) => candidate.sentence === sentence.number);
      if (notice !== undefined)
        return [noticeCoverage({ notice, model, test: (title) => test('app', title) })];
      const why = sentenceNotGenerated(sentence, model);
      if (why !== undefined) return [notCoveredSentence(sentence.number, sentence.text, why)];
      const rows = describeSentences([sentence], capabilities.all).map((row) =>
        // `A feature-voting board for our customers.`: named as `A loans API for …` is, by another noun.
        row.status === 'not_covered' && row.gaps.length === 1 && namesTheService(sentence)
          ? combine({
              source: row.source,
              text: sentence.text,
              parts: [{ text: sentence.text, capabilities: [capabilities.api] }],
            })
          : noMoreThanItsStory(row, sentence.text, input.stories, storyRows),
      );
      // `Only finance can approve a report.`: met by the route's role check, which trusts a header.
      return describedRestriction(wordsOfText(sentence.text)) === undefined
        ? rows
        : rows.map((row) =>
            row.status !== 'not_covered'
              ? {
                  ...row,
                  status: 'partial' as const,
                  gaps: row.gaps.includes(ROLES_FROM_HEADER) ? row.gaps : [...row.gaps, ROLES_FROM_HEADER],
                }
              : row,
          );
    }),
    ...releaseCoverage({ input, functionId: 'ApiFunction', shifting: params.shifting }),
  ];
}

/**
 * A sentence asking what a story asks, word for word after its modal (`A member can place a hold on
 * a book.` beside `As a member I can place a hold on a book`), is no more covered than that story:
 * a covered row takes the story's partial status and gaps.
 */
function noMoreThanItsStory(
  row: RequirementCoverage,
  text: string,
  intents: readonly { readonly actionWords: readonly string[] }[],
  storyRows: readonly RequirementCoverage[],
): RequirementCoverage {
  if (row.status !== 'covered') return row;
  const asked = storyIntent(text, 0).actionWords.join(' ');
  const index = intents.findIndex((intent) => intent.actionWords.join(' ') === asked);
  const story = storyRows[index];
  if (asked === '' || story === undefined || story.status !== 'partial') return row;
  return {
    ...row,
    status: 'partial',
    gaps: [...row.gaps, ...story.gaps.filter((gap) => !row.gaps.includes(gap))],
  };
}

/** Why a role check is not yet a restriction: the header it reads is the client's to set. */
const ROLES_FROM_HEADER = `the caller's roles are whatever the x-caller-roles header names: the routes have no authorizer, so put one in front that sets it from the verified identity (a JWT's groups claim) and drops a client's own`;

/** A description sentence nothing generated answers, with why. */
function notCoveredSentence(sentence: number, text: string, why: string): RequirementCoverage {
  return {
    source: { kind: 'description', sentence },
    text,
    status: 'not_covered',
    tests: [],
    resources: [],
    gaps: [why],
  };
}

/**
 * `As a tier 2 engineer I can list escalated tickets`: a number in the persona names who asks, not a
 * value the story asks for, so it is no gap; the row is met when nothing else is missing.
 */
function withoutPersonaNumbers(row: RequirementCoverage, role: readonly string[]): RequirementCoverage {
  const inText = (value: number) =>
    (row.text.match(/\d+(?:\.\d+)?/g) ?? []).filter((number) => Number(number) === value).length;
  const personaOnly = role
    .filter((word) => /^\d+$/.test(word))
    .map(Number)
    .filter((value) => inText(value) === 1);
  if (personaOnly.length === 0) return row;
  const gaps = row.gaps.filter(
    (gap) =>
      !personaOnly.some((value) =>
        gap.endsWith(`: ${value} is not a value of what was generated; set it by hand or ask again`),
      ),
  );
  return gaps.length === row.gaps.length
    ? row
    : {
        ...row,
        gaps,
        ...(row.status === 'partial' && gaps.length === 0 ? { status: 'covered' as const } : {}),
      };
}

function operationCapability(params: {
  operation: Operation;
  model: ResourceModel;
  story?: ParsedStory;
  test: (file: keyof typeof TEST_FILES, title: string) => TestEvidence;
}): Capability {
  const { operation, model, test } = params;
  const resource = model.resources.find((candidate) => candidate.name === operation.resource);
  const lifecycle =
    resource === undefined
      ? []
      : [
          test('app', lifecycleTitle(resource, model)),
          ...(operation.kind === 'transition' ? [test('app', statusesTitle(resource))] : []),
          ...(operation.parent !== undefined ? [test('app', parentTitle(resource))] : []),
        ];
  const storyTests = (params.story === undefined ? operation.stories : [params.story]).map((story) =>
    test('app', story.intent.testTitle),
  );
  return {
    when: [],
    implementedBy: `${operation.routeKey} ${describeOperation(operation, model)}`,
    tests: [...storyTests, ...lifecycle],
    resources: [operation.logicalId, 'ApiFunction', 'ItemsTable'],
  };
}

function describeOperation(operation: Operation, model: ResourceModel): string {
  const resource = model.resources.find((candidate) => candidate.name === operation.resource);
  const one = withArticle(operation.resource);
  const to = resource?.status?.transitions.find((transition) => transition.action === operation.action)?.to;
  const descriptions: Readonly<Record<Operation['kind'], string>> = {
    create: `creates ${one}${operation.parent === undefined ? '' : ` under ${withArticle(operation.parent)}, answering 404 when that ${operation.parent} does not exist`}`,
    read: `reads ${one} by id`,
    list: `lists ${(resource?.collection ?? operation.resource).replace(/-/g, ' ')}${operation.parent !== undefined ? ` of one ${spokenName(operation.parent)}, answering 404 when it does not exist` : resource?.ownerField === undefined ? '' : `, by ${resource.ownerField} when given`}${operation.filters.map(describeFilter).join('')}`,
    update: `changes ${one}'s fields${operation.refusedFrom.length > 0 ? `, refused when ${operation.refusedFrom.join(' or ')}` : ''}`,
    count: `counts the ${(resource?.collection ?? operation.resource).replace(/-/g, ' ')} the create route stores (the same collection), answering { count }${countedBy(resource)}${operation.filters.map(describeFilter).join('')}`,
    balance: `answers ${one}'s ${operation.balance?.total ?? 'total'} less the sum of the ${operation.balance?.amount ?? 'amount'} of the ${spokenName(operation.balance?.child ?? 'item')}s made under it, worked out on every read as { ${operation.balance?.total ?? 'total'}, ${operation.balance?.amount ?? 'amount'}Sum, remaining } (404 for no such ${spokenName(operation.resource)})`,
    redirect: `answers 302 with Location ${one}'s ${operation.redirectsTo ?? 'URL'} (an http(s) URL; 409 when it has none, 404 for no such ${spokenName(operation.resource)})`,
    set: `${operation.sets?.to === 'toggle' ? `flips ${one}'s ${operation.sets.field} (false to true, true to false)` : `sets ${one}'s ${operation.sets?.field ?? 'field'} to ${String(operation.sets?.to ?? true)}`} itself, taking no body${operation.onlyIn.length > 0 ? ` only when it is ${operation.onlyIn.join(' or ')} (409 otherwise)` : ''}${operation.refusedFrom.length > 0 ? `, refused when ${operation.refusedFrom.join(' or ')}` : ''}`,
    delete: `deletes ${one}${operation.onlyIn.length > 0 ? ` only when it is ${operation.onlyIn.join(' or ')} (409 otherwise)` : ''}${operation.refusedWhileHas === undefined ? '' : `, answering 409 while it has ${operation.refusedWhileHas.join(' or ').replace(/-/g, ' ')}`}`,
    transition:
      operation.keepsStatus === true
        ? `${operation.callerField === undefined ? `records ${operation.records.join(' and ')} from the body (required, 400 without)` : `sets ${one}'s ${operation.callerField} to the caller named by the x-caller-id header`} and keeps its status (the statuses the description lists have no ${operation.action ?? ''} status)${operation.refusedFrom.length > 0 ? `, refused when ${operation.refusedFrom.join(' or ')}` : ''}`
        : `moves ${one} to ${to ?? 'its next status'}${operation.records.length === 0 ? '' : `, recording ${operation.records.join(' and ')} from the body (required, 400 without)`}${operation.onlyIn.length > 0 ? ` only when it is ${operation.onlyIn.join(' or ')} (409 otherwise)` : ''}${operation.callerField === undefined ? '' : ` and sets ${operation.callerField} to the caller named by the x-caller-id header`}${operation.refusedFrom.length > 0 ? `, refused when ${operation.refusedFrom.join(' or ')}` : ''}`,
  };
  const roles =
    operation.roles.length === 0
      ? ''
      : `, only for a caller whose x-caller-roles header names ${operation.roles.join(' or ')} (403 otherwise)`;
  return `${descriptions[operation.kind]}${roles}`;
}

/** `, by projectId when given`: the owner, or the parent a child was made under, a count is filtered by. */
function countedBy(resource: ResourceModel['resources'][number] | undefined): string {
  const field = resource?.ownerField ?? resource?.parent?.field;
  return field === undefined ? '' : `, by ${field} when given`;
}

function describeFilter(filter: Operation['filters'][number]): string {
  const asked = [
    ...(filter.missing === true ? [`?${filter.field}=none for those without one`] : []),
    ...(filter.caller === true
      ? [`?${filter.field}=me for the caller's own, the caller named by the x-caller-id header`]
      : []),
    ...(filter.asked ?? []).map((value) => `?${filter.field}=${value}`),
  ];
  if (filter.contains === true)
    return `, by ${filter.field} when given (the items whose ${filter.field} hold the value)`;
  if (filter.range === true)
    return `, between ?from= and ?to= when given (ISO 8601 date-times on ${filter.field}, both ends included; any other value answers 400)`;
  return `, by ${filter.field} when given${filter.values === undefined ? '' : ` (${filter.values.join(', ')}; any other answers 400)`}${asked.length === 0 ? '' : ` (${asked.join('; ')})`}`;
}

/**
 * What a story's words ask that the blueprint knowingly did not generate (`upload a photo`, `a daily
 * email report`): its route answers the rest, so the story is partial and says why.
 */
function notGeneratedAsks(text: string, capabilities: readonly Capability[]): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return capabilities.flatMap((capability) =>
    capability.notGenerated !== undefined && askedSize(words, capability) > 0
      ? [capability.notGenerated]
      : [],
  );
}

/**
 * `list high priority or urgent tickets`, filtered on `?priority=high`: the values joined to the
 * filtered one are not in the same answer. When the list's filter takes them, the gap says the call
 * that lists them (`?priority=urgent`); else that they shaped nothing.
 */
function otherValuesGap(story: ParsedStory, operation: Operation, resource: Resource | undefined): string[] {
  const others = story.otherValues ?? [];
  if (others.length === 0) return [];
  const said = `"or ${others.join(' or ')}"`;
  const field = story.filterBy ?? (story.stateFilter === undefined ? undefined : 'status');
  const allowed =
    field === 'status'
      ? statusesOf(resource)
      : resource?.fields.find((candidate) => candidate.name === field)?.values;
  const path = operation.routeKey.replace(/^GET /, '');
  if (
    field === undefined ||
    !operation.filters.some((filter) => filter.field === field) ||
    allowed === undefined ||
    !others.every((value) => allowed.includes(value))
  )
    return [`${said} shaped nothing that was generated`];
  return [
    `${said} is not in the same answer: ${operation.routeKey} filters on one ${field} at a time, so ${others.map((value) => `GET ${path}?${field}=${value}`).join(' and ')} list${others.length === 1 ? 's' : ''} the others`,
  ];
}

/** What a story asked that its route does not do. */
function storyGaps(story: ParsedStory, model: ResourceModel, operation: Operation): string[] {
  const resource = model.resources.find((candidate) => candidate.name === story.noun);
  const elsewhere = [
    ...story.refusedFrom,
    ...(story.onlyIn === undefined ? [] : [story.onlyIn]),
    ...(story.stateFilter === undefined ? [] : [story.stateFilter]),
  ].filter((status) => resource?.status?.setElsewhere.includes(status));
  const filtered = new Set(operation.filters.map((filter) => filter.field));
  const unfiltered = [
    ...(story.stateFilter !== undefined && !filtered.has('status') ? [`"${story.stateFilter}"`] : []),
    ...(story.filterBy !== undefined && !filtered.has(story.filterBy) ? [`"by ${story.filterBy}"`] : []),
    ...ownerNotFiltered(story, resource, filtered),
  ];
  const parent = model.resources.find(
    (candidate) => resource?.ownerField !== undefined && `${candidate.name}Id` === resource.ownerField,
  );
  return [
    ...(story.kind === 'create' && parent !== undefined && resource !== undefined
      ? [
          `${withArticle(resource.name)}'s ${resource.ownerField ?? ''} is not checked against the ${parent.collection}: ${withArticle(resource.name)} may name ${withArticle(parent.name)} that does not exist`,
        ]
      : []),
    // `how much is left to pay on an invoice`: the remainder's own words, which the balance answers.
    ...(story.unused.length > 0 && operation.kind !== 'balance'
      ? [`"${story.unused.join(' ')}" shaped nothing that was generated`]
      : []),
    ...otherValuesGap(story, operation, resource),
    ...countGaps(
      story,
      operation,
      statusesOf(resource),
      model.resources.find((resource) => resource.name === operation.resource)?.fields ?? [],
    ),
    ...(story.addsTo === undefined
      ? []
      : [
          `"${story.verb}": ${operation.routeKey} sets ${story.addsTo} to the total given; adding to the current ${story.addsTo} (it plus the number added) is not generated`,
        ]),
    ...(story.portion === undefined
      ? []
      : [
          `"${story.portion} of": ${operation.routeKey} acts on the whole ${spokenName(operation.resource)}; how much of it is used (an amount taken off, and what is left) is not generated`,
        ]),
    ...(story.parent !== undefined && operation.kind === 'create' && operation.parent !== story.parent
      ? [
          `the story makes ${withArticle(story.noun ?? 'item')} on ${withArticle(story.parent)}, but ${operation.routeKey} makes it on its own: it records no ${story.parent} and does not check that one exists${model.resources.some((candidate) => candidate.name === story.parent && candidate.parent !== undefined) ? ` (${story.parent}s are themselves made under ${withArticle(model.resources.find((candidate) => candidate.name === story.parent)?.parent?.name ?? 'parent')}, and items are made under one level of parent only)` : ''}`,
        ]
      : []),
    ...listAsideGaps(story, operation, resource?.collection ?? 'items'),
    ...(story.toCaller === true || story.callerFilter !== undefined
      ? [
          'the caller is whoever the x-caller-id header names: the routes have no authorizer, so put one in front that sets it from the verified identity',
        ]
      : []),
    ...(story.ownGroup !== undefined && story.filterBy !== undefined
      ? [
          `"${story.ownGroup}" is not known to the service: ${operation.routeKey}?${story.filterBy}= lists the ${resource?.collection ?? 'items'} whose ${story.filterBy} is the value the caller gives, so the caller must name ${story.ownGroup.replace(/^(?:my|our) /, 'the ')}`,
        ]
      : []),
    ...(story.ownerIsSelf
      ? [
          `"my" is not enforced: the routes have no authorizer, so any caller who knows an id (or ${withIndefiniteArticle(resource?.ownerField ?? 'owner')}) sees the items`,
        ]
      : []),
    ...(goesNowhere(operation, resource)
      ? [
          `no route of this service moves ${withArticle(resource?.name ?? 'item')} out of ${resource?.status?.initial ?? ''}, so ${operation.routeKey} answers 409 until another system (or a new story) does`,
        ]
      : []),
    ...elsewhere.map((status) => setElsewhereGap(story.noun ?? 'item', status)),
    ...unfiltered.map(
      (words) =>
        `${words} is not a filter of ${operation.routeKey}: lists are filtered only on the status or a text field of a top-level resource, so every item is listed`,
    ),
    ...(operation.roles.length > 0 ? [ROLES_FROM_HEADER] : []),
    ...(story.restriction.unenforced === undefined
      ? []
      : [
          `"${story.restriction.unenforced}" is not enforced: role restriction needs an authorizer, and no rule of the generated routes limits who may call ${operation.routeKey}`,
        ]),
  ];
}

/** A rule on a status no route of the service sets (`dispose of a reported sample`, nothing reporting one). */
function setElsewhereGap(noun: string, status: string): string {
  return `no route of this service makes ${withArticle(noun)} ${status}: the rule holds once another system (or a new story) does`;
}

/** The statuses a route acts only in (`only when it is reported`) that no route sets: one gap each. */
function unreachedGuards(operation: Operation, model: ResourceModel): string[] {
  const resource = model.resources.find((candidate) => candidate.name === operation.resource);
  return operation.onlyIn
    .filter((status) => resource?.status?.setElsewhere.includes(status) === true)
    .map((status) => setElsewhereGap(operation.resource, status));
}

/** Every status a resource's items can be in, first the one they start in. */
function statusesOf(resource: Resource | undefined): string[] {
  const machine = resource?.status;
  if (machine === undefined) return [];
  return [
    ...new Set([
      machine.initial,
      ...machine.transitions.map((transition) => transition.to),
      ...machine.setElsewhere,
    ]),
  ];
}

/**
 * `list bookings for a room` where bookings are owned by employees and no `roomId` filter was made:
 * the owner the story names is neither the list's owner field nor one of its filters.
 */
function ownerNotFiltered(
  story: ParsedStory,
  resource: Resource | undefined,
  filtered: ReadonlySet<string>,
): string[] {
  const owner = story.owner;
  if (story.kind !== 'list' || owner === undefined || owner === resource?.parent?.name) return [];
  const field = ownerFieldOf(owner);
  return field === resource?.ownerField || filtered.has(field) ? [] : [`"for ${withArticle(owner)}"`];
}

/** A route back to the first status (`reopen a ticket`) when no route moves an item out of it: it always answers 409. */
function goesNowhere(operation: Operation, resource: Resource | undefined): boolean {
  const status = resource?.status;
  if (operation.kind !== 'transition' || status === undefined) return false;
  const to = status.transitions.find((transition) => transition.action === operation.action)?.to;
  return to === status.initial && status.transitions.every((transition) => transition.to === status.initial);
}

function applicationCapabilities(params: {
  input: BlueprintInput;
  model: ResourceModel;
  shifting: TrafficShifting;
  test: (file: keyof typeof TEST_FILES, title: string) => TestEvidence;
}): { all: Capability[]; api: Capability; events?: Capability } {
  const { model, test } = params;
  const emailIsData = model.resources.some((resource) =>
    resource.fields.some((field) => /email$/i.test(field.name)),
  );
  const lifecycles = model.resources.map((resource) => test('app', lifecycleTitle(resource, model)));
  const publisher = model.resources.find((resource) => resource.statusEventType !== undefined);
  const events: Capability | undefined =
    publisher === undefined
      ? undefined
      : {
          // `an event when an incident is resolved`: a status a route sets is a status change published.
          when: [
            ...EVENT_WORDS.flatMap((event) => STATUS_WORDS.map((status) => [event, status])),
            ...PUBLISH_WORDS.flatMap((event) =>
              (publisher.status?.transitions ?? []).map((move) => [event, move.to]),
            ),
          ],
          implementedBy: `every ${spokenName(publisher.name)} status change is put on the EventBridge bus (parameter EventBusName) as ${publisher.statusEventType ?? ''}; one that cannot be published is logged and alarmed`,
          tests: [
            test('app', eventsTitle(publisher)),
            test('app', eventFailureTitle(publisher)),
            test('events', EVENTBRIDGE_PUTS),
          ],
          resources: ['StatusEventsNotPublishedAlarm'],
        };
  const operations = model.operations.map((operation) => {
    const opposedBy = opposingProhibition(operation, model);
    const lookup = redirectLookupGap(operation, model);
    // `A sample can be disposed only after it is reported.`, where nothing reports one: the route's
    // guard always refuses, as the row of its story says.
    const gaps = [...(lookup === undefined ? [] : [lookup]), ...unreachedGuards(operation, model)];
    const unmetBy = listTimeGap(
      operation,
      model.resources.find((resource) => resource.name === operation.resource)?.collection ?? 'items',
    );
    return {
      ...operationCapability({ operation, model, test }),
      ...(unmetBy === undefined ? {} : { unmetBy }),
      when: operationWords(operation, model),
      ...(opposedBy === undefined ? {} : { opposedBy }),
      ...(gaps.length === 0 ? {} : { gaps }),
    };
  });
  const described = model.descriptionFields.map((entry) => ({
    when: entry.fields.map((field) => field.name.split(/(?=[A-Z])/).map((word) => word.toLowerCase())),
    implementedBy: describedFields(
      entry.resource,
      entry.fields.map(
        (ask) =>
          model.resources
            .find((resource) => resource.name === entry.resource)
            ?.fields.find((field) => field.name === ask.name) ?? {
            name: ask.name,
            type: 'string',
            required: false,
          },
      ),
    ),
    tests: model.resources
      .filter((resource) => resource.name === entry.resource)
      .map((resource) => test('app', validationTitle(resource))),
    resources: ['ApiFunction'],
  }));
  const domainCapabilities: Capability[] = [
    ...(events === undefined ? [] : [events]),
    ...described,
    ...operations,
    ...statusCapabilities({ model, sentences: params.input.descriptionSentences, test }),
    ...prohibitionCapabilities({ model, test: (title) => test('app', title) }),
    ...parentCapabilities(model, (title) => test('app', title)),
    ...ownerCapabilities(model, (title) => test('app', title)),
    ...ruleCapabilities(model, (title) => test('app', title)),
    ...statusRuleCapabilities({
      model,
      sentences: params.input.descriptionSentences,
      test: (title) => test('app', title),
    }),
    ...notFoundCapabilities(model, (title) => test('app', title)),
    ...unguardedOnlyRules({ model, sentences: params.input.descriptionSentences }),
    ...refusedMoveCapabilities({ model, test: (title) => test('app', title) }),
  ];
  // `sign up for a shift`, `publish a draft recipe`: a word the model names a resource, a status or a
  // move by is the request's domain, never an ask of the platform (the traffic shift, events).
  const domain = domainWords(model);
  const api: Capability = {
    when: anyOf(
      'api',
      'apis',
      'rest',
      'restful',
      'http',
      'https',
      'endpoint',
      'endpoints',
      'route',
      'routes',
      'gateway',
      'webservice',
      'web service',
      // "A feature-flag service for our mobile apps." names the service as "A loans API for …" does.
      'service for',
      'backend for',
      'microservice',
    ),
    implementedBy: `an API Gateway HTTP API serving ${model.operations.map((operation) => operation.routeKey).join(', ')} and GET /health`,
    tests: [test('app', ROUTES_MATCH_TEMPLATE), ...lifecycles],
    resources: ['HttpApi', 'HttpApiStage'],
  };
  const platform: Capability[] = [
    api,
    {
      when: anyOf('lambda', 'lambdas', 'handler', 'handlers', 'function', 'functions', 'serverless'),
      implementedBy: 'one Lambda handler serving every route',
      tests: [test('app', ROUTES_MATCH_TEMPLATE), ...lifecycles],
      resources: ['ApiFunction'],
    },
    {
      when: anyOf(
        'dynamodb',
        'dynamo',
        'table',
        'database',
        'db',
        'stored',
        'store',
        'stores',
        'persisted',
        'persist',
        'persistence',
        'saved',
        'storage',
      ),
      implementedBy: 'one DynamoDB table keyed by collection and id, with conditional writes',
      tests: [
        test('dynamodb', DYNAMODB_WRITES),
        test('dynamodb', DYNAMODB_LISTS),
        test('app', TABLE_SETTINGS),
      ],
      resources: ['ItemsTable'],
    },
    {
      // The repository tests pass whatever the template says: only the template test proves recovery.
      when: anyOf('recovery', 'backup', 'backups', 'backed', 'pitr', 'restore', 'restores'),
      implementedBy: 'point-in-time recovery on the items table',
      tests: [test('app', TABLE_SETTINGS)],
      resources: ['ItemsTable'],
    },
    {
      when: anyOf('validate', 'validated', 'validation', 'validates', 'validating', 'schema', 'invalid'),
      implementedBy: 'request bodies checked against the model before anything is stored',
      tests: model.resources.map((resource) => test('app', validationTitle(resource))),
      resources: [],
    },
    {
      when: anyOf('encrypt', 'encrypted', 'encryption'),
      implementedBy: 'the table is encrypted at rest',
      tests: [test('app', TABLE_SETTINGS)],
      resources: ['ItemsTable'],
    },
    {
      when: anyOf('log', 'logs', 'logging', 'logged'),
      implementedBy: `API access logs and function logs kept for LogRetentionDays days (default ${logRetentionDefault(params.input)})`,
      tests: [test('app', logRetentionTitle(logRetentionDefault(params.input)))],
      resources: ['HttpApiAccessLogs', 'ApiFunctionLogGroup'],
      compare: (clauseText) => logRetentionDifferences(clauseText, logRetentionDefault(params.input)),
    },
    {
      when: anyOf('throttle', 'throttled', 'throttling', 'rate limit', 'rate limits'),
      implementedBy: `stage throttling (${THROTTLING_BURST_LIMIT} burst, ${THROTTLING_RATE_LIMIT} per second)`,
      tests: [],
      resources: ['HttpApiStage'],
      // No generated test calls past the limit, and one stage limit is not a limit per caller or key.
      gaps: [
        `the stage throttling (${THROTTLING_BURST_LIMIT} burst, ${THROTTLING_RATE_LIMIT} per second) limits the whole API, not each caller or key, and no generated test checks it; a limit per caller or key (counting calls, answering 429) is not generated`,
      ],
      // `Throttle the API to 50 requests per second`: 50 is the burst, not the rate.
      compare: (text) => throttleDifferences(text, THROTTLING_RATE_LIMIT, THROTTLING_BURST_LIMIT),
    },
    shiftCapability({
      functionId: 'ApiFunction',
      configName: params.shifting.configName,
      shift: params.shifting.shift,
    }),
    {
      when: anyOf(
        'auth',
        'authentication',
        'authenticated',
        'authorization',
        'authorizer',
        'authorized',
        'cognito',
        'jwt',
        'oauth',
        'login',
        'token',
        'tokens',
      ),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: 'no authorizer is generated: the routes are public (see the risk assessment)',
    },
    {
      when: anyOf(
        's3',
        'bucket',
        'upload',
        'uploads',
        'uploaded',
        'photo',
        'photos',
        'image',
        'images',
        'file',
        'files',
        'attachment',
        'attachments',
        'thumbnail',
        'thumbnails',
        'video',
        'videos',
        'pdf',
      ),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        'no file storage: items are JSON in DynamoDB (at most 400 KB each), so a file (a photo, an upload) would need an S3 bucket and presigned URLs, which are not generated',
    },
    {
      when: anyOf(
        'daily',
        'nightly',
        'weekly',
        'monthly',
        'hourly',
        'every night',
        'every day',
        'every week',
        'every hour',
        'schedule',
        'scheduled',
        'cron',
      ),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: 'nothing runs on a schedule: every route answers a request',
    },
    {
      // An email a resource holds (`customerEmail`) is data, so `by customer email` asks for no message.
      when: anyOf(
        'alert',
        'alerts',
        'alerted',
        'email',
        'emails',
        'emailed',
        'sms',
        'text message',
        'page',
        'paged',
      ).filter((set) => !(emailIsData && (set[0] === 'email' || set[0] === 'emails'))),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        'nothing sends alerts or messages: the service stores and serves its resources, and publishes status changes only when asked ("an event when the status changes")',
    },
    {
      when: anyOf(...EVENT_WORDS),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        'only events on status changes are generated (ask for "an event when the status changes")',
    },
    {
      // `Approved requests expire after their duration`: a behaviour over time, not met by the fields
      // and routes its nouns name. `expire a request` (a route) has no time words and is not this.
      when: EXPIRY_WORDS.flatMap((expiry) => EXPIRY_TIME_WORDS.map((time) => [expiry, time])),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        'nothing expires an item over time: no TTL, schedule or check on read is generated, so an item stays as it is until a route changes it; a DynamoDB TimeToLiveSpecification on an expiry timestamp written when the item reaches its status, or a check on read, would do it',
    },
  ];
  const all = [...domainCapabilities, ...platform.map((capability) => withoutDomainAsks(capability, domain))];
  return { all, api, ...(events === undefined ? {} : { events }) };
}

/**
 * `a ticket has the declared fields subject (string, required on create), priority (string,
 * optional)`: each field as the model declares it, since a story may have made a described field
 * required (`open a ticket with a subject`) or a list.
 */
function describedFields(resource: string, fields: readonly FieldSpec[]): string {
  const each = fields.map((field) =>
    field.counter === true
      ? `${field.name} (a count the service keeps: 0 when made, 400 when a create or update sends it)`
      : `${field.name} (${field.format === 'date-time' ? 'ISO 8601 date-time' : field.type}${field.minItems ? ` of at least ${field.minItems}` : ''}${allowed(field)}, ${field.required ? 'required on create, 400 without' : 'optional'})`,
  );
  return `${withArticle(resource)} has the declared field${fields.length === 1 ? '' : 's'} ${each.join(', ')}, type-checked on every write`;
}

/**
 * ` low, medium or high`, ` from 0 to 100`, ` greater than 0, whole`, ` of at most 280 characters`:
 * the values, range, length or count a field is checked against.
 */
function allowed(field: FieldSpec): string {
  const values = field.values;
  if (values !== undefined)
    return `: ${values.length === 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`}`;
  const said = [
    field.minimum !== undefined && field.maximum !== undefined
      ? `from ${field.minimum} to ${field.maximum}`
      : field.minimum !== undefined
        ? `of at least ${field.minimum}`
        : field.maximum === undefined
          ? undefined
          : `of at most ${field.maximum}`,
    field.exclusiveMinimum === undefined ? undefined : `greater than ${field.exclusiveMinimum}`,
    field.exclusiveMaximum === undefined ? undefined : `less than ${field.exclusiveMaximum}`,
    field.integer === true ? 'whole' : undefined,
    field.minLength === undefined ? undefined : `of at least ${field.minLength} characters`,
    field.maxLength === undefined ? undefined : `of at most ${field.maxLength} characters`,
    field.maxItems === undefined ? undefined : `of at most ${field.maxItems}`,
  ].filter((part) => part !== undefined);
  return said.length === 0 ? '' : ` ${said.join(', ')}`;
}

/**
 * `As a customer I can vote for an idea`, where ideas have `votes`: the count is kept (0 when made, no
 * client writes it), but no route adds to it (nor the story's own route, a move to `liked` say), so
 * the story is not met; undefined for any other story.
 */
function keptCountGap(intent: StoryIntent, model: ResourceModel, operation?: Operation): string | undefined {
  for (const resource of model.resources)
    for (const field of resource.fields)
      if (field.counter === true && countingStories(field, resource, [intent]).length > 0)
        return `\`${field.name}\` is a count the service keeps (0 when ${withArticle(spokenName(resource.name))} is made, 400 when a client sends it), but ${operation === undefined ? 'no route adds' : `${operation.routeKey} does not add`} one to it: a route that records each ${intent.verb} and counts it (once per caller) is not generated`;
  return undefined;
}

function optional(value: string | undefined): string[] {
  return value === undefined ? [] : [value];
}

/** A clause asks for an operation when it names its resource and one of the verbs of its kind (`tracking customer orders`). */
function operationWords(operation: Operation, model: ResourceModel): string[][] {
  const resource = model.resources.find((candidate) => candidate.name === operation.resource);
  if (resource === undefined) return [];
  const verbs =
    operation.kind === 'redirect'
      ? ['visit', 'redirect', 'open']
      : operation.kind === 'count'
        ? ['count']
        : operation.kind === 'balance'
          ? ['balance', 'remaining', 'outstanding', 'left']
          : operation.kind === 'transition' || operation.kind === 'set'
            ? [operation.action ?? '']
            : [...verbsOfKind(operation.kind), ...operation.stories.map((story) => story.verb)];
  // `redirects to its target URL`: a redirect is asked for by the field it sends the visitor to.
  const target = operation.redirectsTo?.split(/(?=[A-Z])/)[0]?.toLowerCase();
  const nouns = [resource.name, resource.collection, ...(target === undefined ? [] : [target])];
  // `approve a change request`: a compound name is asked for by its words, as a sentence writes them.
  const compound = [resource.name.split(/(?=[A-Z])/), resource.collection.split('-')]
    .map((words) => words.map((word) => word.toLowerCase()))
    .filter((words) => words.length > 1);
  return [...new Set(verbs)].flatMap((verb) =>
    verbForms(verb).flatMap((form) => [
      ...nouns.map((noun) => [form, noun]),
      // never `request` of a `change request`: the verb must be a word of its own.
      ...compound.filter((words) => !words.includes(form)).map((words) => [form, ...words]),
    ]),
  );
}

/** Short-link keys (`slug`, `code`): a visit the request makes by one is not the visit by id generated. */
const SHORT_KEYS = /^(?:slug|code|shortCode|alias|shortName|key)$/;

/**
 * A redirect route finds its item by id: when the resource declares a short key (`slug`), a visit
 * by that key (what a short link usually is) is not generated, and the row says so.
 */
function redirectLookupGap(operation: Operation, model: ResourceModel): string | undefined {
  if (operation.kind !== 'redirect') return undefined;
  const resource = model.resources.find((candidate) => candidate.name === operation.resource);
  const key = resource?.fields.find((field) => SHORT_KEYS.test(field.name));
  return key === undefined
    ? undefined
    : `${operation.routeKey} finds the ${spokenName(operation.resource)} by its id, not by its ${key.name}: a visit by ${key.name} needs a lookup by it (a unique index), which is not generated`;
}

/**
 * Why a story asking to be redirected is not covered: a redirect is an HTTP answer (302 and a
 * Location header), and every generated route answers JSON. Names the field to redirect to when the
 * model has one (`targetUrl`), so the route to add is clear.
 */
function redirectGap(model: ResourceModel): string {
  const target = model.resources
    .flatMap((resource) => resource.fields.map((field) => ({ resource, field })))
    .find(({ field }) => /url$|^target/i.test(field.name));
  return target === undefined
    ? 'a redirect (an HTTP 302 with a Location header) is asked for, but no route answers one and the model has no URL field to send the visitor to: every generated route answers JSON'
    : `a redirect (an HTTP 302 with a Location header) is asked for, but no route answers one: every generated route answers JSON; add a GET route that reads the ${target.resource.name} and answers 302 with Location its \`${target.field.name}\``;
}

/**
 * `renew a loan`, where loans are `active, returned or overdue`: why no route was made, and what would
 * make one (a field it changes, or a count it keeps).
 */
function notInLifecycleGap(ask: { noun: string; status: string; lifecycle: readonly string[] }): string {
  const listed = ask.lifecycle.map((status) => `\`${status}\``);
  const statuses =
    listed.length < 2 ? listed.join('') : `${listed.slice(0, -1).join(', ')} or ${listed.at(-1) ?? ''}`;
  return `the description lists the statuses of ${withArticle(ask.noun)} (${statuses}) and \`${ask.status}\` is not one of them, so this is no status move (a new status would drop the item from every list of a listed status), and the story names no field it changes or count it keeps: no route was generated; name the field it changes (a date, a score) or the count it keeps to cover it`;
}
