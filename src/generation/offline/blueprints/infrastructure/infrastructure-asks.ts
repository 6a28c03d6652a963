import type { BlueprintInput } from '../../blueprint-input.js';
import { channelsNamed } from '../../coverage/notification-channels.js';
import type { AskedText, LifecycleAsks } from './lifecycle-asks.js';
import { lifecycleAsks } from './lifecycle-asks.js';
import { objectPrefixIn } from './object-prefix.js';
import { aboutOtherResourceOnly } from './other-resources.js';

/** What the request asks of the foundation beyond its fixed shape, read from the stories and the description. */
export interface InfrastructureAsks extends LifecycleAsks {
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

/**
 * Reads the bucket's lifecycle (see lifecycleAsks), object notifications and an email ask from each
 * description clause and each story. A text about another resource only (`the dead-letter queue
 * keeps them for 14 days`) asks nothing of the bucket; a prefix a clause names (`objects under tmp/
 * expire…`) scopes its expiry, move or notification.
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
    ...lifecycleAsks(texts),
    ...(emailed ? { email: address === undefined ? {} : { address } } : {}),
    objectNotifications: notifying.length > 0,
    ...(notificationPrefix === undefined ? {} : { notificationPrefix }),
  };
}

/** Old versions are kept this many days unless the request names another period or a longer retention. */
export const DEFAULT_NONCURRENT_DAYS = 90;

/**
 * Days an old (noncurrent) version is kept: the period asked; else the default, or the retention
 * when longer, so a deleted or overwritten object stays recoverable as long as it must be kept.
 */
export function noncurrentVersionDays(asks: InfrastructureAsks): number {
  return asks.noncurrentDays ?? Math.max(DEFAULT_NONCURRENT_DAYS, asks.retention?.days ?? 0);
}

/** Incomplete multipart uploads are aborted after this many days unless the request names another age. */
export const DEFAULT_ABORT_MULTIPART_DAYS = 7;

/** Days after which an incomplete multipart upload is aborted: the age asked, else the default. */
export function abortMultipartDays(asks: InfrastructureAsks): number {
  return asks.abortMultipartDays ?? DEFAULT_ABORT_MULTIPART_DAYS;
}
