import { participle, spelledAs } from '../../../naming/participle.js';
import type { ParsedStory } from './parsed-story.js';
import { recordsRecipient } from './recipient-move.js';
import type { StatusMachine } from './resource-model-types.js';
import { listedStatusOf } from './listed-status-of.js';
import { returningVerb } from './returning-verb.js';
import { statusName } from './status-name.js';
import { STATUS_WORDS } from './status-words.js';
import { unique } from './unique.js';
import { wordsOfText } from './words-of-text.js';

/** Statuses an item does not leave once in them (unless a story names one it starts from). */
const TERMINAL = new Set([
  'cancelled',
  'canceled',
  'rejected',
  'closed',
  'archived',
  'refunded',
  'voided',
  'void',
  'withdrawn',
  'expired',
  'deleted',
  'declined',
  'revoked',
  'unsubscribed',
]);

/**
 * The statuses a resource's stories move it through: its initial status (the one the description
 * states, else the create verb's participle), one transition per action, the final ones, and statuses stories name that no route sets.
 * Undefined when no story asks for a status.
 *
 * `filtered`: a list of this resource can be filtered (it is not made under a parent), so a listed state is a status.
 */
export function statusMachine(params: {
  stories: readonly ParsedStory[];
  events: boolean;
  filtered: boolean;
  /** The status the description says items start in (`Requests start pending`): it wins over the create verb's. */
  initial?: string;
  /**
   * The lifecycle the description lists (`Invoices are draft, sent, paid or void.`): its first is the
   * initial status (unless `initial` says otherwise), and a move whose participle is one of them
   * under another form (`void` → `voided`) sets the listed name.
   */
  lifecycle?: readonly string[];
}): StatusMachine | undefined {
  const { stories, events } = params;
  const filters = params.filtered ? stories : [];
  const transitions = stories.filter((story) => story.kind === 'transition');
  const refused = unique(
    stories.flatMap((story) => [
      ...story.refusedFrom.map(statusName),
      ...(story.onlyIn === undefined ? [] : [story.onlyIn]),
    ]),
  );
  const listed = unique(
    filters.flatMap((story) => (story.stateFilter === undefined ? [] : [story.stateFilter])),
  );
  const asked =
    events ||
    transitions.length > 0 ||
    refused.length > 0 ||
    listed.length > 0 ||
    stories.some((story) => STATUS_WORDS.has(story.attribute ?? '')) ||
    filters.some((story) => story.kind === 'list' && story.filterBy === 'status');
  if (!asked) return undefined;
  const creator = stories.find((story) => story.kind === 'create');
  const lifecycle = params.lifecycle ?? [];
  const initial =
    params.initial ?? lifecycle[0] ?? (creator === undefined ? 'created' : participle(creator.verb));
  // `assign a ticket to myself`, where the description lists the statuses and `assigned` is not one:
  // the move records the caller (`assignee`) and keeps the status (`keepsStatus` on its route).
  // So does `reassign a pick list to another picker`, recording the recipient from the body.
  const recordsOnly = (story: ParsedStory) =>
    (story.toCaller === true || recordsRecipient(story)) &&
    story.state === undefined &&
    lifecycle.length > 0 &&
    !lifecycle.includes(asListed(participle(story.verb), story.verb, lifecycle)) &&
    returningVerb({ verb: story.verb, creator: creator?.verb, initial, targets: new Map() }) === undefined;
  const actions = unique(transitions.filter((story) => !recordsOnly(story)).map((story) => story.verb));
  // One spelling throughout: `cancel` sets `canceled` where the request writes `canceled`.
  const written = [
    ...lifecycle,
    ...refused,
    ...listed,
    ...stories.flatMap((story) => wordsOfText(story.intent.text)),
  ];
  const spelled = (action: string) => spelledAs(action, written);
  // A story that names its state (`mark a ticket in progress`) sets that state; others the verb's participle.
  // `hand over a rental`, where rentals are `reserved, out, …`: the named `handed_over` is the listed `out`.
  const named = (action: string) => {
    const state = transitions.find((story) => story.verb === action && story.state !== undefined)?.state;
    return state === undefined ? undefined : asListed(state, action, lifecycle);
  };
  const plain = new Map(
    actions.map((action) => [action, named(action) ?? asListed(spelled(action), action, lifecycle)]),
  );
  // `reopen a closed ticket`: back to the status it was made in, not a `reopened` no filter lists.
  const returning = new Map(
    actions.flatMap((action) => {
      const back =
        named(action) === undefined
          ? returningVerb({
              verb: action,
              creator: creator?.verb,
              initial,
              targets: new Map([...plain].filter(([other]) => other !== action)),
            })
          : undefined;
      return back === undefined ? [] : [[action, back] as const];
    }),
  );
  const targetOf = (action: string) => returning.get(action)?.to ?? plain.get(action) ?? spelled(action);
  const targets = actions.map(targetOf);
  const left = new Set([...returning.values()].flatMap((back) => back.leaves));
  return {
    initial,
    transitions: actions.map((action) => ({ action, to: targetOf(action) })),
    terminal: unique(targets).filter(
      (target) => TERMINAL.has(target) && !left.has(target) && !startsFrom(transitions, target, spelled),
    ),
    setElsewhere: unique([...refused, ...listed, ...lifecycle]).filter(
      (status) => status !== initial && !targets.includes(status),
    ),
  };
}

/** The listed name of the status a move sets (listed-status-of.ts); the status itself when none is listed. */
function asListed(status: string, action: string, lifecycle: readonly string[]): string {
  return listedStatusOf(status, action, lifecycle) ?? status;
}

/**
 * A transition story that names the status it starts from (`reopen a closed ticket`) leaves that
 * status, so it is not final; a status the story refuses (`close a ticket that is not cancelled`) is
 * not one it starts from.
 */
function startsFrom(
  transitions: readonly ParsedStory[],
  status: string,
  spelled: (verb: string) => string,
): boolean {
  return transitions.some(
    (story) =>
      spelled(story.verb) !== status &&
      !story.refusedFrom.map(statusName).includes(status) &&
      wordsOfText(story.intent.text).includes(status),
  );
}
