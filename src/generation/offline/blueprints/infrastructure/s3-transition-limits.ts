/**
 * S3's limits on lifecycle transitions, which S3 enforces when the rule is put (CloudFormation then
 * fails the stack):
 * - objects move to STANDARD_IA or ONEZONE_IA no sooner than 30 days after creation
 *   (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Transition.html);
 * - only down the waterfall of supported transitions, e.g. never from ONEZONE_IA to GLACIER_IR nor
 *   back to STANDARD_IA, and objects stay in STANDARD_IA or ONEZONE_IA at least 30 days before moving
 *   on (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html);
 * - an object a rule expires cannot move at or after that age (the expiration must come after the
 *   rule's last transition);
 * - an age is a whole number of days S3 types `Integer`
 *   (https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleExpiration.html,
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/API_Transition.html), a 32-bit signed integer in
 *   the S3 API's model, so at most S3_MAX_LIFECYCLE_DAYS.
 */

/** The most days S3 takes for a lifecycle age (`Expiration.Days`, `Transition.Days`): 2^31 − 1, about 5.8 million years. */
export const S3_MAX_LIFECYCLE_DAYS = 2_147_483_647;

/**
 * Why S3 would refuse a lifecycle age of `days` (whole days since an object was written) as too
 * large, stating S3's maximum; undefined when S3 takes it.
 */
export function lifecycleAgeRefusal(days: number): string | undefined {
  return days > S3_MAX_LIFECYCLE_DAYS
    ? `S3 takes a lifecycle age of at most ${S3_MAX_LIFECYCLE_DAYS} days (about 5.8 million years; the API's Days is a 32-bit Integer), not ${days}`
    : undefined;
}

/** The classes each storage class can move on to (S3's supported lifecycle transitions). */
const NEXT_CLASSES: Readonly<Record<string, readonly string[]>> = {
  STANDARD_IA: ['INTELLIGENT_TIERING', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'],
  INTELLIGENT_TIERING: ['ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'],
  ONEZONE_IA: ['GLACIER', 'DEEP_ARCHIVE'],
  GLACIER_IR: ['GLACIER', 'DEEP_ARCHIVE'],
  GLACIER: ['DEEP_ARCHIVE'],
  DEEP_ARCHIVE: [],
};
/** Classes an object must be at least this many days old to enter, and must stay in this long before moving on. */
const INFREQUENT_ACCESS = ['STANDARD_IA', 'ONEZONE_IA'];
export const INFREQUENT_ACCESS_MIN_DAYS = 30;

export interface TransitionStep {
  readonly storageClass: string;
  readonly days: number;
}

/**
 * Why S3 would refuse moving objects to `next` after the moves already kept (in ascending days) and
 * before an expiry at `expirationDays`; undefined when the move is valid.
 */
export function transitionRefusal(params: {
  readonly kept: readonly TransitionStep[];
  readonly next: TransitionStep;
  readonly expirationDays?: number;
}): string | undefined {
  const { next } = params;
  const previous = params.kept[params.kept.length - 1];
  const tooOld = lifecycleAgeRefusal(next.days);
  if (tooOld !== undefined) return tooOld;
  const infrequent = INFREQUENT_ACCESS.includes(next.storageClass);
  if (infrequent && next.days < INFREQUENT_ACCESS_MIN_DAYS)
    return `S3 moves objects to ${next.storageClass} no sooner than ${INFREQUENT_ACCESS_MIN_DAYS} days after they are written, not after ${next.days}`;
  if (params.expirationDays !== undefined && next.days >= params.expirationDays)
    return `the objects are deleted after ${params.expirationDays} days, so they never reach ${next.storageClass} at ${next.days} days (S3 needs the expiry after the last move)`;
  if (previous === undefined) return undefined;
  const same = params.kept.find((step) => step.storageClass === next.storageClass);
  if (same !== undefined)
    return `${next.storageClass} is asked twice (after ${same.days} and ${next.days} days): objects move there once, at the first`;
  if (previous.days === next.days)
    return `${previous.storageClass} and ${next.storageClass} are both asked at ${next.days} days: an object moves to one class at a time`;
  if (!(NEXT_CLASSES[previous.storageClass] ?? []).includes(next.storageClass))
    return `S3 does not move objects from ${previous.storageClass} (after ${previous.days} days) to ${next.storageClass}: lifecycle moves go only down the storage-class waterfall`;
  if (
    INFREQUENT_ACCESS.includes(previous.storageClass) &&
    next.days - previous.days < INFREQUENT_ACCESS_MIN_DAYS
  )
    return `objects must stay ${INFREQUENT_ACCESS_MIN_DAYS} days in ${previous.storageClass} (from ${previous.days} days) before S3 moves them to ${next.storageClass}, so not at ${next.days} days`;
  return undefined;
}
