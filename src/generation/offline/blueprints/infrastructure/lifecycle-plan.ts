import { durationDays, firstDuration } from '../../naming/durations.js';
import type { ExpiryAsk, LifecycleAsks } from './lifecycle-asks.js';
import type { StorageClassMove } from './storage-class-moves.js';
import { lifecycleAgeRefusal, transitionRefusal } from './s3-transition-limits.js';

/** One S3 lifecycle rule of the bucket: every move and the expiry asked for one prefix (or the whole bucket). */
export interface PlannedRule {
  /** Rule Id, unique in the bucket: `objects-under-tmp` or `all-objects`. */
  readonly id: string;
  readonly prefix?: string;
  /** Ascending by days, each valid after the one before. */
  readonly transitions: readonly StorageClassMove[];
  /**
   * Days after which the rule deletes objects: the age asked, raised to a retention's floor when the
   * retention binds objects this rule reaches (its prefix, or one under it).
   */
  readonly expiration?: { readonly days: number; readonly asked: ExpiryAsk };
}

/** An ask the plan does not generate, and why (S3 would refuse it, or another ask for the prefix wins). */
export interface RefusedAsk {
  /** The clause or story that asked. */
  readonly askedBy?: string;
  readonly why: string;
}

export interface LifecyclePlan {
  readonly rules: readonly PlannedRule[];
  readonly refused: readonly RefusedAsk[];
}

/** Rule Ids are at most 255 characters (https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleRule.html). */
const MAX_ID_PREFIX = 200;

/**
 * One lifecycle rule per distinct prefix asked (the whole bucket being one), holding all its moves
 * in ascending days and its expiry. The first expiry asked for a prefix wins; an expiry is never
 * before a retention of any object it reaches (see floorOver); a move S3 would refuse (see s3-transition-limits) is
 * left out and named in `refused` with why, so the template stays valid and the ask is said, not
 * dropped.
 */
export function lifecyclePlan(
  asks: Pick<LifecycleAsks, 'transitions' | 'expirations' | 'retention'>,
): LifecyclePlan {
  const prefixes = [...new Set([...asks.transitions, ...asks.expirations].map((ask) => ask.prefix ?? ''))];
  const refused: RefusedAsk[] = [];
  const ids = new Set<string>();
  const rules = prefixes.map((key): PlannedRule => {
    const prefix = key === '' ? undefined : key;
    const under = prefix === undefined ? 'every object' : `objects under ${prefix}`;
    const [asked, ...others] = asks.expirations.filter((ask) => (ask.prefix ?? '') === key);
    for (const other of others.filter((one) => one.days !== asked?.days))
      refused.push({
        askedBy: other.askedBy,
        why: `${under} already expire after ${asked?.days ?? 0} days as asked first; one rule has one expiry, so ${other.days} days is not used`,
      });
    const floor = floorOver(asks.retention, key);
    const expiration = withinS3Limit(
      asked === undefined ? undefined : { days: Math.max(asked.days, floor), asked },
      under,
      refused,
    );
    const transitions = keptTransitions({
      moves: asks.transitions.filter((move) => (move.prefix ?? '') === key),
      ...(expiration === undefined ? {} : { expirationDays: expiration.days }),
      refused,
    });
    const base = prefix === undefined ? 'all-objects' : `objects-under-${ruleIdPart(prefix)}`;
    const id = ids.has(base) ? `${base}-${ids.size + 1}` : base;
    ids.add(id);
    return {
      id,
      ...(prefix === undefined ? {} : { prefix }),
      transitions,
      ...(expiration === undefined ? {} : { expiration }),
    };
  });
  return {
    rules: rules.filter((rule) => rule.transitions.length > 0 || rule.expiration !== undefined),
    refused,
  };
}

/**
 * The retention's days when it binds a rule for `key`: a retention of the whole bucket binds every
 * rule, one of a prefix binds the rule of that prefix and every rule over it (the whole bucket, or a
 * shorter prefix it starts with), since an S3 lifecycle rule cannot leave out a prefix
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html#intro-lifecycle-rules-filter).
 */
function floorOver(retention: LifecycleAsks['retention'], key: string): number {
  if (retention === undefined) return 0;
  return (retention.prefix ?? key).startsWith(key) ? retention.days : 0;
}

/**
 * The expiry when S3 takes its age; one past S3's largest age is left out (the rule keeps its moves)
 * and named in `refused`, stating S3's maximum.
 */
function withinS3Limit(
  expiration: PlannedRule['expiration'],
  under: string,
  refused: RefusedAsk[],
): PlannedRule['expiration'] {
  if (expiration === undefined) return undefined;
  const why = lifecycleAgeRefusal(expiration.days);
  if (why === undefined) return expiration;
  refused.push({
    askedBy: expiration.asked.askedBy,
    why: `an expiry of ${under} after ${expiration.days} days${askedAs(expiration.asked.askedBy, expiration.days)} is not generated: ${why}`,
  });
  return undefined;
}

/** ` (asked as 900000000 years)`: the age as the text wrote it, when it wrote it in other units than these days. */
function askedAs(text: string, days: number): string {
  const duration = firstDuration(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  return duration === undefined || duration.unit === 'days' || durationDays(duration) !== days
    ? ''
    : ` (asked as ${duration.amount} ${duration.unit})`;
}

/** The moves of one prefix S3 accepts, ascending; each refused one is added to `refused`. */
function keptTransitions(params: {
  readonly moves: readonly StorageClassMove[];
  readonly expirationDays?: number;
  readonly refused: RefusedAsk[];
}): StorageClassMove[] {
  const kept: StorageClassMove[] = [];
  const byAge = [...params.moves].sort((left, right) => left.days - right.days);
  for (const move of byAge) {
    if (kept.some((known) => known.storageClass === move.storageClass && known.days === move.days)) continue;
    const why = transitionRefusal({
      kept,
      next: move,
      ...(params.expirationDays === undefined ? {} : { expirationDays: params.expirationDays }),
    });
    if (why === undefined) kept.push(move);
    else
      params.refused.push({
        ...(move.askedBy === undefined ? {} : { askedBy: move.askedBy }),
        why: `${move.storageClass} after ${move.days} days is not generated: ${why}`,
      });
  }
  return kept;
}

/** A prefix as a piece of a rule Id: letters, digits and dashes. */
function ruleIdPart(prefix: string): string {
  return (
    prefix
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_ID_PREFIX) || 'prefix'
  );
}
