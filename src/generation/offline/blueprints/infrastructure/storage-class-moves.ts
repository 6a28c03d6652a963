import type { Duration } from '../../naming/durations.js';
import { durationDays, firstDuration } from '../../naming/durations.js';

/** A move of objects to a colder S3 storage class, `days` after they were created. */
export interface StorageClassMove {
  readonly storageClass: string;
  readonly days: number;
  /** False when the request named the class but no age: the move then happens after 90 days. */
  readonly ageGiven: boolean;
  /** Only objects under this key prefix (`logs/`) move, when the ask names one. */
  readonly prefix?: string;
  /** The request text (a clause or a story) that asked for the move, for coverage. */
  readonly askedBy?: string;
  /** A clause before it that gave only the age (`After 90 days, files move to Glacier`). */
  readonly agedBy?: string;
}

/**
 * Names of S3 storage classes as people write them, most specific first, each a run of words.
 * Storage class ids: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-transition.html
 */
const STORAGE_CLASS_NAMES: readonly (readonly [string, string])[] = [
  ['glacier deep archive', 'DEEP_ARCHIVE'],
  ['deep archive', 'DEEP_ARCHIVE'],
  ['glacier instant retrieval', 'GLACIER_IR'],
  ['glacier instant', 'GLACIER_IR'],
  ['glacier flexible retrieval', 'GLACIER'],
  ['glacier', 'GLACIER'],
  ['one zone ia', 'ONEZONE_IA'],
  ['onezone ia', 'ONEZONE_IA'],
  ['one zone infrequent', 'ONEZONE_IA'],
  ['standard ia', 'STANDARD_IA'],
  ['infrequent', 'STANDARD_IA'],
  ['intelligent tiering', 'INTELLIGENT_TIERING'],
  // `to IA after 30 days`: Standard-IA, as the console abbreviates it.
  ['ia', 'STANDARD_IA'],
];

const DEFAULT_MOVE_DAYS = 90;

/**
 * Every storage class a clause names, each with the age written after it (`to Standard-IA after 30
 * days and to Glacier Deep Archive after 180 days` → STANDARD_IA 30, DEEP_ARCHIVE 180); a clause
 * naming one class takes its one age wherever it stands (`after 90 days, move to Glacier`), or the
 * `fallback` age its sentence implies (`… and to Glacier after 90`).
 */
export function storageClassMoves(words: readonly string[], fallback?: Duration): StorageClassMove[] {
  const found: { storageClass: string; index: number; length: number }[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const match = STORAGE_CLASS_NAMES.find(([phrase]) =>
      phrase.split(' ').every((word, offset) => words[index + offset] === word),
    );
    if (match === undefined) continue;
    const length = match[0].split(' ').length;
    found.push({ storageClass: match[1], index, length });
    index += length - 1;
  }
  return found.map((entry, position) => {
    const until = found[position + 1]?.index ?? words.length;
    const own = words.slice(entry.index + entry.length, until);
    const duration: Duration | undefined =
      firstDuration(own) ?? (found.length === 1 ? (firstDuration(words) ?? fallback) : undefined);
    const zero = zeroDays(own) || (found.length === 1 && duration === undefined && zeroDays(words));
    const days = zero ? 0 : duration === undefined ? undefined : durationDays(duration);
    return {
      storageClass: entry.storageClass,
      days: days ?? DEFAULT_MOVE_DAYS,
      ageGiven: days !== undefined,
    };
  });
}

/**
 * `after 0 days`: an age of nought, which S3 takes for a move to GLACIER, GLACIER_IR, DEEP_ARCHIVE or
 * INTELLIGENT_TIERING (the move happens at the next midnight UTC; Transition.Days in
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_Transition.html); a move to an infrequent-access
 * class at 0 days is then refused by the transition limits, with the reason.
 */
function zeroDays(words: readonly string[]): boolean {
  return words.some((word, index) => /^0+$/.test(word) && ['day', 'days'].includes(words[index + 1] ?? ''));
}
