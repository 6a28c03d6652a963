import type { BlueprintInput } from '../../blueprint-input.js';
import type { Duration } from '../../naming/durations.js';
import { durationDays, firstDuration } from '../../naming/durations.js';

/** What the request asks of the foundation beyond its fixed shape, read from the stories and the description. */
export interface InfrastructureAsks {
  /** Keep every object this long (Object Lock, governance mode), then let it expire. */
  readonly retention?: { readonly duration: Duration; readonly days: number };
  /** Move objects to a colder storage class after this many days. */
  readonly transition?: { readonly storageClass: string; readonly days: number; readonly ageGiven: boolean };
  /** Publish to the notifications topic when an object is created. */
  readonly objectNotifications: boolean;
}

const STORAGE_CLASSES: readonly (readonly [readonly string[], string])[] = [
  [['deep', 'archive'], 'DEEP_ARCHIVE'],
  [['glacier', 'instant'], 'GLACIER_IR'],
  [['glacier'], 'GLACIER'],
  [['infrequent'], 'STANDARD_IA'],
];
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

/** Scans each description clause and each story for retention periods, storage-class moves and object notifications. */
export function infrastructureAsks(input: BlueprintInput): InfrastructureAsks {
  const texts = [
    ...input.descriptionSentences.flatMap((sentence) => sentence.clauses.map((clause) => clause.words)),
    ...input.stories.map((story) => story.text.toLowerCase().match(/[a-z0-9]+/g) ?? []),
  ];
  let retention: InfrastructureAsks['retention'];
  let transition: InfrastructureAsks['transition'];
  for (const words of texts) {
    const storageClass = STORAGE_CLASSES.find(([keys]) => keys.every((key) => words.includes(key)))?.[1];
    const duration = firstDuration(words);
    if (storageClass !== undefined && transition === undefined) {
      const days = duration === undefined ? undefined : durationDays(duration);
      transition = { storageClass, days: days ?? 90, ageGiven: days !== undefined };
    } else if (
      duration !== undefined &&
      retention === undefined &&
      words.some((word) => RETENTION_WORDS.includes(word))
    ) {
      retention = { duration, days: durationDays(duration) };
    }
  }
  return {
    ...(retention === undefined ? {} : { retention }),
    ...(transition === undefined ? {} : { transition }),
    objectNotifications: texts.some(
      (words) =>
        words.some((word) => NOTIFY_WORDS.includes(word)) &&
        words.some((word) => ARRIVAL_WORDS.includes(word)),
    ),
  };
}
