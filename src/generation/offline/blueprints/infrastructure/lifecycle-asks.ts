import type { Duration } from '../../naming/durations.js';
import { durationDays, firstDuration } from '../../naming/durations.js';
import { asksForObjectLock } from './object-lock-asked.js';
import { objectPrefixIn } from './object-prefix.js';
import type { StorageClassMove } from './storage-class-moves.js';
import { storageClassMoves } from './storage-class-moves.js';

/** An expiry a clause asked for: delete objects (under `prefix`, when named) this many days after they were written. */
export interface ExpiryAsk {
  readonly days: number;
  readonly prefix?: string;
  /** The clause or story that asked, for coverage. */
  readonly askedBy: string;
  /** A clause before it that gave only the age (`After 7 days, files under tmp/ are deleted`). */
  readonly agedBy?: string;
}

/** How long objects must be kept, and whether S3 must refuse deleting them sooner (Object Lock). */
export interface RetentionAsk {
  readonly duration: Duration;
  readonly days: number;
  /**
   * True when the request asks that objects cannot be deleted (`locked`, `immutable`, `WORM`,
   * `cannot be deleted`, `compliance mode`): Object Lock. Otherwise a lifecycle floor: no expiry
   * deletes objects sooner, and a deleted or overwritten object stays recoverable that long.
   */
  readonly locked: boolean;
  /** The floor binds only expiries under this prefix, when the retention named one. */
  readonly prefix?: string;
  readonly askedBy: string;
}

/** The Object Lock default retention: the period a locking clause gave, else the retention's. */
export interface ObjectLockAsk {
  readonly duration: Duration;
  readonly days: number;
}

/** What the request asks of the bucket's lifecycle, read clause by clause. */
export interface LifecycleAsks {
  readonly retention?: RetentionAsk;
  /**
   * Set when some text asks that objects cannot be deleted and a period is known. Its period is the
   * locking clause's own (`immutable for 90 days`), kept apart from a keep clause's floor (`keep them
   * 7 years`); `retention.locked` is true when both are one ask (the same period).
   */
  readonly objectLock?: ObjectLockAsk;
  /** Some text asks that objects cannot be deleted, whether or not it says for how long. */
  readonly lockAsked: boolean;
  /** Every storage-class move asked, with its prefix, in the order asked. */
  readonly transitions: readonly StorageClassMove[];
  /** Every expiry asked, with its prefix, in the order asked. */
  readonly expirations: readonly ExpiryAsk[];
  readonly noncurrentDays?: number;
  readonly abortMultipartDays?: number;
}

/** One text of the request (a description sentence or a story), clause by clause. */
export type AskedText = readonly { readonly words: readonly string[]; readonly text: string }[];

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
  'lock',
  'locked',
];
/** Words that make a clause about the whole bucket, so it does not take the prefix its sentence named before. */
const WHOLE_BUCKET_WORDS = [
  'everything',
  'all',
  'every',
  'else',
  'rest',
  'other',
  'bucket',
  'objects',
  'files',
];
/** `… and to Glacier after 90`: an age written without its unit, which takes its sentence's. */
const BARE_AGE = /\b(?:after|at|in|past)\s+(\d{1,5})\b(?!\s*(?:%|percent|[a-z:]|\.\d))/i;

type LastAsk = { readonly kind: 'expire' } | { readonly kind: 'move'; readonly storageClass: string };

/**
 * Reads each text clause by clause. A clause gives one kind of ask: a storage class makes it a move,
 * old versions a version period, multipart uploads an abort age, a keep word a retention, a delete
 * word an expiry; a delete word beside a retention (`kept 10 years, then deleted`) also asks for an
 * expiry when it ends, unless it forbids the deletion (`cannot be deleted for 7 years`). Within a
 * sentence a clause that names only a prefix and an age takes the kind of ask before it (`delete tmp/
 * after 7 days and logs/ after 1 year`), one that names no prefix and no whole-bucket subject takes
 * the prefix before it (`… and delete them after 1 year`), a bare age takes the unit before it (`to
 * Glacier after 90`), and a clause naming only a prefix joins the next ask (`tmp/ and scratch/ expire`).
 */
export function lifecycleAsks(texts: readonly AskedText[]): LifecycleAsks {
  const reading = new LifecycleReading();
  for (const clauses of texts) reading.readText(clauses);
  return reading.result();
}

class LifecycleReading {
  private retention: RetentionAsk | undefined;
  private lock: ObjectLockAsk | undefined;
  private lockAsked = false;
  /** Whether the retention held was read from a locking clause. */
  private retentionLocking = false;
  private noncurrentDays: number | undefined;
  private abortMultipartDays: number | undefined;
  private readonly transitions: StorageClassMove[] = [];
  private readonly expirations: ExpiryAsk[] = [];

  readText(clauses: AskedText): void {
    let keptDays: number | undefined;
    let last: LastAsk | undefined;
    let lastPrefix: string | undefined;
    let lastUnit: Duration['unit'] | undefined;
    let pending: string[] = [];
    let pendingAge: { readonly duration: Duration; readonly text: string } | undefined;
    for (const { words, text } of clauses) {
      const has = (list: readonly string[]) => words.some((word) => list.includes(word));
      const own = objectPrefixIn(text);
      const scopes: (string | undefined)[] =
        own !== undefined
          ? [...pending, own]
          : pending.length > 0
            ? pending
            : [has(WHOLE_BUCKET_WORDS) ? undefined : lastPrefix];
      const aboutVersions = has(['noncurrent']) || (has(OLD_WORDS) && has(['version', 'versions']));
      const locking = !aboutVersions && asksForObjectLock(words);
      this.lockAsked ||= locking;
      const namesClass = storageClassMoves(words).length > 0;
      const duration =
        firstDuration(words) ??
        pendingAge?.duration ??
        (last === undefined && !namesClass ? undefined : bareAge(text, lastUnit));
      const aged =
        firstDuration(words) === undefined && pendingAge !== undefined ? { agedBy: pendingAge.text } : {};
      const expiring = has(EXPIRY_WORDS) && !locking;
      let moves = storageClassMoves(words, duration);
      if (
        moves.length === 0 &&
        last?.kind === 'move' &&
        duration !== undefined &&
        !expiring &&
        !has(RETENTION_WORDS)
      )
        moves = [{ storageClass: last.storageClass, days: durationDays(duration), ageGiven: true }];
      const expire = (days: number) => {
        for (const prefix of scopes)
          this.expirations.push({
            days,
            ...(prefix === undefined ? {} : { prefix }),
            askedBy: text,
            ...aged,
          });
        last = { kind: 'expire' };
      };
      let asked = true;
      if (moves.length > 0) {
        for (const prefix of scopes)
          for (const move of moves)
            this.transitions.push({
              ...move,
              ...(prefix === undefined ? {} : { prefix }),
              askedBy: text,
              ...aged,
            });
        last = { kind: 'move', storageClass: moves[moves.length - 1]?.storageClass ?? '' };
      } else if (duration === undefined) {
        if (keptDays !== undefined && expiring) expire(keptDays);
        else asked = false;
      } else if (has(['multipart']) || (has(['incomplete']) && has(['upload', 'uploads']))) {
        this.abortMultipartDays ??= durationDays(duration);
      } else if (aboutVersions) {
        this.noncurrentDays ??= durationDays(duration);
      } else if (has(RETENTION_WORDS) || locking) {
        keptDays = durationDays(duration);
        const [prefix] = scopes;
        if (locking) this.lock ??= { duration, days: keptDays };
        // A keep clause's floor wins over a locking clause's period read before it.
        if (!locking && this.retention !== undefined && this.retentionLocking) this.retention = undefined;
        if (this.retention === undefined) this.retentionLocking = locking;
        this.retention ??= {
          duration,
          days: keptDays,
          locked: false,
          ...(prefix === undefined ? {} : { prefix }),
          askedBy: text,
        };
        if (expiring) expire(keptDays);
      } else if (expiring || last?.kind === 'expire') {
        expire(durationDays(duration));
      } else {
        asked = false;
      }
      if (duration !== undefined) lastUnit = duration.unit;
      pending = !asked && own !== undefined && duration === undefined ? [...pending, own] : [];
      // `After 90 days, …`: an age alone is for the next clause's ask.
      pendingAge = !asked && own === undefined && duration !== undefined ? { duration, text } : undefined;
      if (own !== undefined) lastPrefix = own;
    }
  }

  result(): LifecycleAsks {
    const retention = this.retention;
    const lock =
      this.lock ??
      (retention === undefined ? undefined : { duration: retention.duration, days: retention.days });
    const objectLock = this.lockAsked ? lock : undefined;
    const locked = objectLock !== undefined && objectLock.days === retention?.days;
    return {
      ...(retention === undefined ? {} : { retention: { ...retention, locked } }),
      ...(objectLock === undefined ? {} : { objectLock }),
      lockAsked: this.lockAsked,
      transitions: this.transitions,
      expirations: this.expirations,
      ...(this.noncurrentDays === undefined ? {} : { noncurrentDays: this.noncurrentDays }),
      ...(this.abortMultipartDays === undefined ? {} : { abortMultipartDays: this.abortMultipartDays }),
    };
  }
}

/** An age written without a unit (`after 90`), in the unit the sentence used before, or days. */
function bareAge(text: string, unit: Duration['unit'] | undefined): Duration | undefined {
  const amount = Number(BARE_AGE.exec(text)?.[1] ?? 0);
  return amount > 0 ? { amount, unit: unit ?? 'days' } : undefined;
}
