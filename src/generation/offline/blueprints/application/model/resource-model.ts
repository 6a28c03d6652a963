import type { BlueprintInput } from '../../../blueprint-input.js';
import { defaultIntents, subjectNoun } from '../../../naming/default-intents.js';
import { singular } from '../../../naming/singular.js';
import { asksForStatusEvents } from './asks-for-status-events.js';
import { balanceOperations } from './balance-operations.js';
import { ATTRIBUTE_KINDS, attributesOfOwners } from './attributes-of-owners.js';
import { callerLists } from './caller-lists.js';
import { childReads } from './child-reads.js';
import { compoundNames } from './compound-names.js';
import { compoundObject } from './compound-object.js';
import { camel } from './camel.js';
import { describedOwner } from './described-owner.js';
import { describedRecord } from './described-record.js';
import { keptCounts } from './kept-counts.js';
import type { DescribedRecord } from './described-record.js';
import { descriptionFields } from './description-fields.js';
import { fieldAttributes } from './field-attributes.js';
import { flipVerbs } from './flip-verbs.js';
import { countableCollection } from './countable-collection.js';
import { countedStories } from './counted-stories.js';
import { guardedDeletes } from './delete-guards.js';
import { derivedFigures } from './derived-figures.js';
import { asksForRedirect } from './redirect-story.js';
import { redirectOperations } from './redirect-operation.js';
import { knownStateMoves } from './known-state-moves.js';
import { mentions } from './mentions.js';
import { naturalKeys } from './natural-keys.js';
import { namedTransition } from './named-transition.js';
import { asksForNotice, noticeAsk, sentenceNoticeIntents } from './notice-stories.js';
import { objectlessMove } from './objectless-move.js';
import { operationsFor } from './operations-for.js';
import { outsideLifecycle } from './outside-lifecycle.js';
import { parentsOf } from './parents-of.js';
import { parseStory } from './parse-story.js';
import type { ParsedStory } from './parsed-story.js';
import { prohibitedChanges } from './prohibited-changes.js';
import { allowedValueFilter } from './allowed-value-filter.js';
import { listedStatusModifier } from './listed-status-modifier.js';
import { movedToListed } from './moved-to-listed.js';
import { guardedMoves, refusedMoves } from './refused-moves.js';
import { guardedByProhibitions } from './prohibition-guards.js';
import { recordsRecipient } from './recipient-move.js';
import { resourceFor } from './resource-for.js';
import { visibleByDefault } from './visible-status.js';
import { requiredInDescription, statedInitialStatus } from './stated-in-description.js';
import type { Resource, ResourceModel } from './resource-model-types.js';
import { lifecycleMoves, startedStatus } from './lifecycle-moves.js';
import { lifecycleStateFilter } from './lifecycle-state-filter.js';
import { listedStatuses } from './listed-statuses.js';
import { unique } from './unique.js';
import { addedToNumbers, verbObjects } from './verb-objects.js';
import { wordsOfText } from './words-of-text.js';
import { yesNoListFilter } from './yes-no-list-filter.js';

const DEFAULT_VERBS = ['create', 'view', 'list', 'update', 'delete'];

/**
 * Derives the application's one resource model from the request: its resources (the stories'
 * objects), their declared fields and types, owners, the statuses the stories move them through, and
 * one route per story on that model. Every resource also gets the routes the stories need to connect:
 * a create (something must write what the stories read) and a read back by id.
 */
export function resourceModel(input: BlueprintInput): ResourceModel {
  // No stories: `Employees can book a desk … cancel their booking` makes bookings naming a desk, not desks.
  const record =
    input.stories.length > 0
      ? undefined
      : describedRecord(input.descriptionSentences, singular(subjectNoun(input.names)));
  const intents =
    input.stories.length > 0 ? input.stories : defaultIntents(input.names, DEFAULT_VERBS, record?.record);
  const eventStories = intents.filter((intent) => asksForStatusEvents(wordsOfText(intent.text)));
  const noticeStories = intents.filter((intent) => !eventStories.includes(intent) && asksForNotice(intent));
  const listed = new Set([
    ...input.descriptionSentences.flatMap((sentence) => wordsOfText(sentence.text)),
    ...intents.flatMap((intent) => wordsOfText(intent.text)),
  ]);
  const texts = [
    ...intents.map((intent) => wordsOfText(intent.text)),
    ...input.descriptionSentences.map((sentence) => wordsOfText(sentence.text)),
  ];
  const lifecycleOfNoun = (noun: string) => listedStatuses(input.descriptionSentences, noun);
  // A redirect is an HTTP answer, not a resource's story: redirect-operation.ts reads it once the resources are known.
  const parsedStories = intents
    .filter(
      (intent) =>
        !eventStories.includes(intent) && !noticeStories.includes(intent) && !asksForRedirect(intent),
    )
    .map(parseStory)
    // `create a pick list` beside `pick lists`: a resource `list`, not the whole collection.
    .map((story) => countableCollection(story, texts))
    .map((story) => namingRecordObject(story, record))
    .map((story) => startedStatus(story, lifecycleOfNoun));
  const read = verbObjects(parsedStories);
  const storyNouns = new Set(read.flatMap((story) => (story.noun === undefined ? [] : [story.noun])));
  const attributed = derivedFigures(
    fieldAttributes({
      stories: attributesOfOwners(
        callerLists(
          read
            .map((story) => compoundObject({ story, texts, nouns: storyNouns }))
            .map((story) => namedTransition(story, listed)),
        ),
      ),
      sentences: input.descriptionSentences,
      kinds: ATTRIBUTE_KINDS,
    }),
  );
  // `look up a product by its SKU`: a field of the product, not its owner.
  const describedByNoun = descriptionFields(
    input.descriptionSentences,
    unique(attributed.flatMap((story) => (story.noun === undefined ? [] : [story.noun]))),
  );
  // `toggle a flag`, where flags have `whether it is enabled`: a change of that field, not a status.
  // `add seats to my subscription`: the subscription's seat count, not a `seat` resource.
  // `list enabled flags`, where flags have `whether it is enabled`: a filter on that field, not a status.
  // `check in a patient for an appointment`, `report a sample`, `start testing a sample`, where the
  // description lists `checked in`, `reported`, `testing`: moves of the appointment and the sample.
  const parsed = lifecycleMoves(
    naturalKeys(flipVerbs(addedToNumbers(attributed, describedByNoun), describedByNoun), describedByNoun).map(
      (story) => allowedValueFilter(yesNoListFilter(story, describedByNoun), describedByNoun),
    ),
    {
      lifecycleOf: lifecycleOfNoun,
      described: describedByNoun,
      ownerOf: (noun) => describedOwner(input.descriptionSentences, noun),
    },
  );
  const objectNouns = unique(parsed.flatMap((story) => (story.noun === undefined ? [] : [story.noun])));
  // `As a reader I can unsubscribe`, where subscriptions are listed as `unsubscribed`: that resource's move.
  const acted = parsed.map((story) => objectlessMove(story, objectNouns, lifecycleOfNoun));
  const nouns = unique(acted.flatMap((story) => (story.noun === undefined ? [] : [story.noun])));
  const subject = singular(subjectNoun(input.names));
  const primary = nouns.includes(subject)
    ? subject
    : (parsed.find((story) => story.kind === 'create' && story.noun !== undefined)?.noun ??
      nouns[0] ??
      subject);
  const moved = knownStateMoves(
    acted.map((story) => (story.collective ? { ...story, noun: primary } : story)),
    new Set(input.descriptionSentences.flatMap((sentence) => wordsOfText(sentence.text))),
  );
  const parents = parentsOf(moved);
  // `see the timeline of an incident`, beside `add a timeline entry to an incident`: a list of the entries.
  const stories = childReads(moved, parents);
  const names = unique([
    ...nouns,
    ...(nouns.length === 0 || stories.some((story) => story.collective) ? [primary] : []),
    ...parents.values(),
  ]);
  const eventClauses = [
    ...input.descriptionSentences.flatMap((sentence) => sentence.clauses.map((clause) => clause.words)),
    ...eventStories.map((intent) => wordsOfText(intent.text)),
  ].filter(asksForStatusEvents);
  // `leave request`: the resource is named by the whole compound from here on (`leave-requests`).
  const compounds = compoundNames({
    heads: names,
    described: input.descriptionSentences.map((sentence) => wordsOfText(sentence.text)),
    stories: intents.map((intent) => wordsOfText(intent.text)),
  });
  const named = (noun: string) => compounds.get(noun) ?? noun;
  // `how many calls I have left`, where a story records calls: a count read from the calls the create route stores.
  const lifecycleOf = (resource: string) => listedStatuses(input.descriptionSentences, resource);
  const renamed = countedStories(
    stories.map((story) => ({
      ...story,
      ...(story.noun === undefined ? {} : { noun: named(story.noun) }),
      ...(story.parent === undefined ? {} : { parent: named(story.parent) }),
    })),
    new Map(names.map((name) => [name, named(name)])),
    lifecycleOf,
  )
    .map((story) => (story.noun === undefined ? story : lifecycleStateFilter(story, lifecycleOf(story.noun))))
    .map((story) => (story.noun === undefined ? story : listedStatusModifier(story, lifecycleOf(story.noun))))
    .map((story) => (story.noun === undefined ? story : movedToListed(story, lifecycleOf(story.noun))))
    .map((story) => (story.noun === undefined ? story : outsideLifecycle(story, lifecycleOf(story.noun))));
  const described = descriptionFields(input.descriptionSentences, names);
  const modelNames = new Set([...names, ...names.map(named)]);
  // `votes` beside `vote for an idea`: a count the service keeps, not one a client posts.
  const resources = keptCounts(
    names.map((name) => {
      const parent = parents.get(name);
      // `Each claim belongs to an employee`, where employees are no resource: the claim keeps an employeeId.
      const owner = describedOwner(input.descriptionSentences, name);
      const ownerName = owner === undefined ? undefined : camel(owner.split(' '));
      return resourceFor({
        name: named(name),
        described: described.filter((entry) => entry.resource === name).flatMap((entry) => entry.fields),
        parent: parent === undefined ? undefined : named(parent),
        ...(owner === undefined || ownerName === undefined || modelNames.has(ownerName)
          ? {}
          : { describedOwner: ownerName }),
        stories: renamed.filter((story) => story.noun === named(name)),
        texts,
        required: requiredInDescription(input.descriptionSentences, named(name)),
        ...optionalInitial(statedInitialStatus(input.descriptionSentences, named(name))),
        lifecycle: listedStatuses(input.descriptionSentences, named(name)),
        events: eventClauses.some(
          (words) =>
            mentions(words, name) || (name === primary && !names.some((other) => mentions(words, other))),
        ),
      });
    }),
    input.stories,
  );
  // `I am redirected to the target`: a route answering 302 with the URL the item holds.
  const redirects = redirectOperations(intents, resources);
  const prohibitions = prohibitedChanges(
    input.descriptionSentences,
    names.map((name) => ({ name: named(name), head: name, statuses: statusesOf(resources, named(name)) })),
  );
  // `A retired laptop cannot be assigned.`: the assign route answers 409 for a retired laptop.
  const refused = refusedMoves(
    input.descriptionSentences,
    names.flatMap((name) => {
      const resource = resources.find((candidate) => candidate.name === named(name));
      return resource === undefined
        ? []
        : [{ resource, head: name, recording: recordingMoves(renamed, resource) }];
    }),
  );
  return {
    resources,
    operations: [
      // `Only published articles are visible to readers.`: the list lists published articles unless asked.
      ...visibleByDefault({
        resources,
        sentences: input.descriptionSentences,
        operations: guardedDeletes(
          guardedMoves(
            guardedByProhibitions(
              resources.flatMap((resource) =>
                operationsFor(
                  resource,
                  renamed,
                  input.descriptionSentences.map((sentence) => wordsOfText(sentence.text)),
                ),
              ),
              prohibitions,
              resources,
            ),
            refused,
          ),
          resources,
          input.descriptionSentences,
        ),
      }),
      ...redirects.operations,
      // `see the remaining balance of an invoice`: the total less the payments made under it.
      ...balanceOperations(renamed, resources),
    ],
    stories: [...renamed, ...redirects.stories],
    eventStories,
    notices: [
      ...noticeStories.map((intent) => noticeAsk(intent, resources)),
      // `Email the member when their hold is ready.`: a sentence asks for a notice as a story would.
      ...sentenceNoticeIntents(input.descriptionSentences).map(({ sentence, intent }) => ({
        ...noticeAsk(intent, resources),
        sentence,
      })),
    ],
    descriptionFields: described.map((entry) => ({ ...entry, resource: named(entry.resource) })),
    prohibitions,
    refusedMoves: refused,
  };
}

/** The create of a described record keeps its object's id (`POST /bookings` with `deskId`), as `book a room` does. */
function namingRecordObject(story: ParsedStory, record: DescribedRecord | undefined): ParsedStory {
  if (record === undefined || story.kind !== 'create' || story.noun !== record.record) return story;
  return {
    ...story,
    fields: [{ name: `${camel([record.object])}Id`, list: false, minItems: 0 }, ...story.fields],
  };
}

/** Every status of the named resource's machine; none when it has no statuses. */
function statusesOf(resources: readonly Resource[], name: string): string[] {
  const machine = resources.find((resource) => resource.name === name)?.status;
  return machine === undefined
    ? []
    : unique([machine.initial, ...machine.transitions.map((move) => move.to), ...machine.setElsewhere]);
}

/** The moves of the resource's stories that record who holds an item and keep its status (`assign a vehicle to a driver`). */
function recordingMoves(stories: readonly ParsedStory[], resource: Resource): string[] {
  const moves = new Set(resource.status?.transitions.map((move) => move.action) ?? []);
  return unique(
    stories
      .filter(
        (story) =>
          story.noun === resource.name &&
          story.kind === 'transition' &&
          (story.toCaller === true || recordsRecipient(story)) &&
          !moves.has(story.verb),
      )
      .map((story) => story.verb),
  );
}

function optionalInitial(initial: string | undefined): { initial?: string } {
  return initial === undefined ? {} : { initial };
}
