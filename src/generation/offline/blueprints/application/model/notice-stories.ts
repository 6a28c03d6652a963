import { scheduleAsked } from '../../../cfn/schedule-expression.js';
import { channelsNamed } from '../../../coverage/notification-channels.js';
import type { NotificationChannel } from '../../../coverage/notification-channels.js';
import { withArticle } from '../../../naming/article.js';
import { baseVerb } from '../../../naming/base-verb.js';
import { participle } from '../../../naming/participle.js';
import { plural } from '../../../naming/plural.js';
import { storyIntent } from '../../../naming/story-intent.js';
import type { StoryIntent } from '../../../naming/story-intent.js';
import { wordsOf } from '../../../naming/words-of.js';
import type { Resource } from './resource-model-types.js';

/**
 * A story asking for people to be told when something happens to an item (`As a manager I am
 * notified by email when a leave request is submitted`, `Notify the team when an order is
 * shipped`): the service publishes to its notification topic at that moment.
 */
export interface NoticeAsk {
  readonly intent: StoryIntent;
  /**
   * The description sentence that asked (`Email the member when their hold is ready.`), its 1-based
   * number; absent for a story's. Its intent is read from the sentence, titled `sentence N …`.
   */
  readonly sentence?: number;
  /** The ways of reaching people the story names (`by email`); empty when it names none. */
  readonly channels: readonly NotificationChannel[];
  /** What the story is told of, when the model has it; else why not, for the PR body. */
  readonly moment: NoticeMoment | { readonly unmet: string };
}

/** An item of `resource` arriving in `status` (its first status when made), or made, for a resource without statuses. */
export type NoticeMoment =
  | { readonly resource: string; readonly status: string }
  | { readonly resource: string; readonly created: true };

/** Verbs that tell people something (`notify the team`, `email subscribers`, `alert on-call`). */
const TELLING = new Set([
  'notify',
  'alert',
  'email',
  'inform',
  'tell',
  'warn',
  'page',
  'message',
  'text',
  'ping',
]);
/** Words that open the moment a notice is about. */
const WHEN = new Set(['when', 'whenever', 'once', 'after']);
/** Words between the item and what happened to it (`is`, `has been`, `gets`). */
const LINKING = new Set([
  'is',
  'are',
  'was',
  'were',
  'gets',
  'get',
  'got',
  'has',
  'have',
  'been',
  'becomes',
  'being',
]);
/** What a new item undergoes when no status names it. */
const MADE = new Set(['created', 'added', 'made', 'posted', 'recorded', 'registered', 'logged']);
/** Words after which the story is about messages or events the service handles, not people told. */
const HANDLED = new Set(['event', 'events', 'webhook', 'webhooks']);

/**
 * The notices description sentences ask for (`Email the member when their hold is ready.`,
 * `Notify the team when an order is shipped.`), read as a story with those words would be
 * (`asksForNotice`), so a sentence asking to tell someone at a moment the model has is answered as
 * the story is: each intent numbered by its sentence and titled `sentence N …`. A sentence asking
 * for a run by the calendar (`scheduleAsked`) is none.
 */
export function sentenceNoticeIntents(
  sentences: readonly { readonly number: number; readonly text: string }[],
): { sentence: number; intent: StoryIntent }[] {
  return sentences.flatMap((sentence) => {
    const intent = storyIntent(sentence.text, sentence.number);
    // `Email a summary once a day`: a run by the calendar (`once` opens no moment), said elsewhere.
    if (!asksForNotice(intent) || scheduleAsked(sentence.text) !== undefined) return [];
    return [
      {
        sentence: sentence.number,
        intent: { ...intent, testTitle: intent.testTitle.replace(/^story /, 'sentence ') },
      },
    ];
  });
}

/** Whether a story asks for people to be told when something happens, rather than for a route. */
export function asksForNotice(intent: StoryIntent): boolean {
  const words = wordsOf(intent.text);
  if (words.some((word) => HANDLED.has(word))) return false;
  if (!words.some((word) => WHEN.has(word))) return false;
  return intent.receives === true || TELLING.has(intent.verb) || channelsNamed(intent.text).length > 0;
}

/**
 * Reads what a notice story is told of against the model's resources: the item the `when` clause
 * names and the status its verb reaches (`is submitted` → the status `submitted`, made by the create
 * route; `is approved` → the status `approve` sets). Unmet with a reason when either is not in the model.
 */
export function noticeAsk(intent: StoryIntent, resources: readonly Resource[]): NoticeAsk {
  const channels = channelsNamed(intent.text);
  const words = wordsOf(intent.text);
  const start = words.findIndex((word) => WHEN.has(word));
  const clause = start === -1 ? [] : words.slice(start + 1);
  const found = resources
    .map((resource) => ({ resource, at: mentionAt(clause, resource.name) }))
    .filter((entry) => entry.at !== undefined)
    .sort((left, right) => (left.at?.start ?? 0) - (right.at?.start ?? 0))[0];
  const only = resources.length === 1 ? resources[0] : undefined;
  const resource = found?.resource ?? only;
  if (resource === undefined)
    return {
      intent,
      channels,
      moment: {
        unmet: `the item the notice is about ("${clause.join(' ')}") is none of this service's resources`,
      },
    };
  const after = clause.slice(found?.at?.end ?? 0).filter((word) => !LINKING.has(word));
  const happened = after[0] ?? '';
  const statuses =
    resource.status === undefined
      ? []
      : [resource.status.initial, ...resource.status.transitions.map((transition) => transition.to)];
  const status = candidates(happened).find((candidate) => statuses.includes(candidate));
  if (status !== undefined) return { intent, channels, moment: { resource: resource.name, status } };
  if (resource.status === undefined && candidates(happened).some((candidate) => MADE.has(candidate)))
    return { intent, channels, moment: { resource: resource.name, created: true } };
  const known =
    statuses.length === 0 ? 'it has no statuses, only creation' : `its statuses are ${statuses.join(', ')}`;
  return {
    intent,
    channels,
    moment: {
      unmet: `no route makes ${withArticle(resource.name)} "${happened || 'anything'}" (${known}), so there is no moment to send the notice at`,
    },
  };
}

/** `approved`, `approves`, `approve`, `ships` → the participles a status may be named by. */
function candidates(word: string): string[] {
  if (word === '') return [];
  const base = baseVerb(word) ?? (/(sh|ch|ss|x)es$/.test(word) ? word.slice(0, -2) : word.replace(/s$/, ''));
  return [...new Set([word, participle(word), participle(base)])];
}

/** Where the clause names the resource (`leave request`, `leave requests`): the words' span, if it does. */
function mentionAt(clause: readonly string[], name: string): { start: number; end: number } | undefined {
  const parts = name.split(/(?=[A-Z])/).map((part) => part.toLowerCase());
  const last = parts.at(-1) ?? name;
  for (let start = 0; start + parts.length <= clause.length; start += 1) {
    const span = clause.slice(start, start + parts.length);
    const head = span.slice(0, -1).every((word, index) => word === parts[index]);
    const tail = span.at(-1);
    if (head && (tail === last || tail === plural(last))) return { start, end: start + parts.length };
  }
  return undefined;
}
