import type { BlueprintInput } from '../../blueprint-input.js';
import { channelsNamed } from '../../coverage/notification-channels.js';
import type { Duration } from '../../naming/durations.js';
import { durationDays, firstDuration } from '../../naming/durations.js';
import type { StorageClassMove } from './storage-class-moves.js';
import { storageClassMoves } from './storage-class-moves.js';
import { objectPrefixIn } from './object-prefix.js';
import { aboutOtherResourceOnly } from './other-resources.js';

/** What the request asks of the foundation beyond its fixed shape, read from the stories and the description. */
export interface InfrastructureAsks {
  /**
   * Keep every object at least this long (Object Lock, governance mode). A floor, not a lifetime:
   * nothing deletes the object when it ends unless an expiry is asked too.
   */
  readonly retention?: { readonly duration: Duration; readonly days: number };
  /** Moves of objects to colder storage classes, by age, one per class. */
  readonly transitions: readonly StorageClassMove[];
  /**
   * Delete every object this many days after it was created, only when a text asks to delete or
   * expire: `deleted after 400 days`, or `keep them 10 years, then delete them` (the retention's days).
   */
  readonly expiration?: {
    readonly days: number;
    /** Only objects under this key prefix (`tmp/`) expire, when the ask names one. */
    readonly prefix?: string;
  };
  /** Days after which an incomplete multipart upload is aborted, when the request names them. */
  readonly abortMultipartDays?: number;
  /** Keep old (noncurrent) versions this many days, when the request names a period for them. */
  readonly noncurrentDays?: number;
  /** Publish to the notifications topic when an object is created. */
  readonly objectNotifications: boolean;
  /** Only objects created under this key prefix (`incoming/`) publish, when every ask to notify names it. */
  readonly notificationPrefix?: string;
  /**
   * Someone asked to be emailed (`I get an email when a record lands`): the topic gets an email
   * subscription, to the address the request gave (`ops@example.com`) or one set at deploy time.
   */
  readonly email?: { readonly address?: string };
}

/** An address as people write one; only these characters, so it is safe in YAML and in generated code. */
const EMAIL_ADDRESS =
  /\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}\b/;

export const EXPIRY_WORDS = [
  'delete',
  'deleted',
  'deletes',
  'expire',
  'expires',
  'expired',
  'expiry',
  'expiration',
  'remove',
  'removed',
  'purge',
  'purged',
];
/** Words that, with `version(s)`, name old versions of an object rather than the object (`noncurrent` alone does). */
const OLD_WORDS = ['previous', 'prior', 'old', 'older', 'earlier', 'overwritten'];
const RETENTION_WORDS = [
  'for',
  'retain',
  'retained',
  'retention',
  'keep',
  'kept',
  'keeps',
  'archive',
  'archives',
  'archived',
  'hold',
  'holds',
  'preserve',
  'preserved',
];
export const NOTIFY_WORDS = [
  'notify',
  'notified',
  'notification',
  'notifications',
  'alert',
  'alerted',
  'alerts',
  'email',
  'emailed',
  'told',
  'tell',
];
export const ARRIVAL_WORDS = [
  'land',
  'lands',
  'landed',
  'arrive',
  'arrives',
  'arrived',
  'upload',
  'uploaded',
  'uploads',
  'created',
  'added',
  'new',
  'written',
  'appear',
  'appears',
  'put',
  'delivered',
  'dropped',
];

/** One text of the request (a description sentence or a story), clause by clause. */
type AskedText = readonly { readonly words: readonly string[]; readonly text: string }[];

/**
 * Scans each description clause and each story for storage-class moves, retention periods, expiry,
 * how long old versions stay, incomplete uploads, and object notifications. A clause gives one of
 * them: a storage class makes it a move, old versions a version period, multipart uploads an abort
 * age, a keep word a retention, a delete word an expiry. A delete word beside a retention (`kept 10
 * years, then deleted`), in its clause or a later clause of its sentence, also asks for an expiry
 * when the retention ends; a retention alone never does. A text about another resource only (`the
 * dead-letter queue keeps them for 14 days`) asks nothing of the bucket; a prefix a clause names
 * (`objects under tmp/ expire…`) scopes its expiry or notification.
 */
export function infrastructureAsks(input: BlueprintInput): InfrastructureAsks {
  const texts: AskedText[] = [
    ...input.descriptionSentences.map((sentence) =>
      sentence.clauses.map((clause) => ({ words: clause.words, text: clause.text })),
    ),
    ...input.stories.map((story) => [
      { words: story.text.toLowerCase().match(/[a-z0-9]+/g) ?? [], text: story.text },
    ]),
  ].filter((clauses) => !aboutOtherResourceOnly(clauses.flatMap((clause) => clause.words)));
  let retention: InfrastructureAsks['retention'];
  let expiration: InfrastructureAsks['expiration'];
  let noncurrentDays: number | undefined;
  let abortMultipartDays: number | undefined;
  const transitions: StorageClassMove[] = [];
  for (const clauses of texts) {
    let keptDays: number | undefined;
    for (const { words, text } of clauses) {
      const moves = storageClassMoves(words);
      const duration = firstDuration(words);
      const has = (list: readonly string[]) => words.some((word) => list.includes(word));
      const prefix = objectPrefixIn(text);
      const expiring = (days: number) => ({ days, ...(prefix === undefined ? {} : { prefix }) });
      if (moves.length > 0) {
        for (const move of moves) {
          if (!transitions.some((known) => known.storageClass === move.storageClass)) transitions.push(move);
        }
      } else if (duration === undefined) {
        if (keptDays !== undefined && has(EXPIRY_WORDS)) expiration ??= expiring(keptDays);
      } else if (has(['multipart']) || (has(['incomplete']) && has(['upload', 'uploads']))) {
        abortMultipartDays ??= durationDays(duration);
      } else if (has(['noncurrent']) || (has(OLD_WORDS) && has(['version', 'versions']))) {
        noncurrentDays ??= durationDays(duration);
      } else if (has(RETENTION_WORDS)) {
        keptDays = durationDays(duration);
        retention ??= { duration, days: keptDays };
        if (has(EXPIRY_WORDS)) expiration ??= expiring(keptDays);
      } else if (has(EXPIRY_WORDS)) {
        expiration ??= expiring(durationDays(duration));
      }
    }
  }
  const asked = texts.flat().map((clause) => clause.text);
  const emailed = asked.some((text) => channelsNamed(text).some((channel) => channel.name === 'email'));
  const address = asked.map((text) => EMAIL_ADDRESS.exec(text)?.[0]).find((found) => found !== undefined);
  const notifying = texts
    .flat()
    .filter(
      ({ words }) =>
        words.some((word) => NOTIFY_WORDS.includes(word)) &&
        words.some((word) => ARRIVAL_WORDS.includes(word)),
    );
  const notificationPrefixes = new Set(notifying.map((clause) => objectPrefixIn(clause.text)));
  const [notificationPrefix] = notificationPrefixes.size === 1 ? [...notificationPrefixes] : [];
  return {
    ...(emailed ? { email: address === undefined ? {} : { address } } : {}),
    ...(retention === undefined ? {} : { retention }),
    transitions: [...transitions].sort((left, right) => left.days - right.days),
    ...(expiration === undefined ? {} : { expiration }),
    ...(noncurrentDays === undefined ? {} : { noncurrentDays }),
    ...(abortMultipartDays === undefined ? {} : { abortMultipartDays }),
    objectNotifications: notifying.length > 0,
    ...(notificationPrefix === undefined ? {} : { notificationPrefix }),
  };
}

/**
 * The age in days at which every object expires: the expiry asked, never before the retention
 * ends; none unless an expiry is asked (a retention is a floor: deleting data nobody asked to
 * delete cannot be undone).
 */
export function expirationDays(asks: InfrastructureAsks): number | undefined {
  if (asks.expiration === undefined) return undefined;
  return Math.max(asks.expiration.days, asks.retention?.days ?? 0);
}

/** Incomplete multipart uploads are aborted after this many days unless the request names another age. */
export const DEFAULT_ABORT_MULTIPART_DAYS = 7;

/** Days after which an incomplete multipart upload is aborted: the age asked, else the default. */
export function abortMultipartDays(asks: InfrastructureAsks): number {
  return asks.abortMultipartDays ?? DEFAULT_ABORT_MULTIPART_DAYS;
}
