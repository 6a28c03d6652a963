import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import { anyOf } from '../../coverage/capability.js';
import { wordsOf } from '../../naming/words-of.js';
import { withoutLinks } from '../../naming/link-spans.js';
import type { InfrastructureAsks } from './infrastructure-asks.js';
import { noncurrentVersionDays } from './infrastructure-asks.js';
import { EXPIRY_WORDS } from './lifecycle-asks.js';
import type { LifecyclePlan, PlannedRule } from './lifecycle-plan.js';
import type { ObjectLockAsk } from './lifecycle-asks.js';
import {
  expirationTitle,
  objectLockTitle,
  retentionTitle,
  transitionTitle,
} from './infrastructure-test-titles.js';

const TRANSITION_WORDS = anyOf(
  'glacier',
  'deep archive',
  'infrequent',
  'standard ia',
  'onezone ia',
  'one zone',
  'intelligent tiering',
  'lifecycle',
  'transition',
  'transitions',
);
const RETENTION_WORDS = [
  'retain',
  'retained',
  'retention',
  'keep',
  'kept',
  'archive',
  'archives',
  'archived',
  'years',
  'year',
];
const LOCK_WORDS = anyOf(
  'never delete',
  'never deleted',
  'cannot delete',
  'cannot deleted',
  'not deleted',
  'not delete',
  'nobody delete',
  'nobody deletes',
  'no one delete',
  'no one deleted',
  'prevent deletion',
  'immutable',
  'worm',
  'tamper',
  'lock',
  'locked',
  'write once',
  'legal hold',
  'compliance mode',
);
const AGE_WORDS = ['after', 'days', 'day', 'months', 'month', 'years', 'year'];

/**
 * What the bucket's lifecycle answers: the planned rules' moves and expiries (a clause whose ask S3
 * would refuse is told why), and the retention, as Object Lock or as a lifecycle floor.
 */
export function lifecycleCapabilities(params: {
  readonly asks: InfrastructureAsks;
  readonly plan: LifecyclePlan;
  readonly test: (title: string) => TestEvidence;
}): Capability[] {
  const { asks, plan, test } = params;
  const refusedFor = (clauseText: string) =>
    plan.refused.filter((refusal) => refusal.askedBy === clauseText).map((refusal) => refusal.why);
  // A clause that asked through its sentence (`… and logs/ after 1 year`) shares no keyword with the
  // capability: its own words ask for it.
  // Only the asks of the rule's own prefix: a sentence about cloudtrail/ is not answered by app/'s rule.
  const askedBy = (
    asked: readonly { readonly askedBy?: string; readonly agedBy?: string; readonly prefix?: string }[],
    rule: PlannedRule,
  ) =>
    [
      ...new Set(
        asked
          .filter((ask) => ask.prefix === rule.prefix)
          .flatMap((ask) => [ask.askedBy ?? [], ask.agedBy ?? []].flat()),
      ),
    ].map(wordsOf);
  return [
    ...transitionCapabilities(plan, test, refusedFor).map(({ rule, capability }) =>
      rule === undefined
        ? capability
        : { ...capability, when: [...capability.when, ...askedBy(asks.transitions, rule)] },
    ),
    ...expiryCapabilities(plan, test, refusedFor, asks).map(({ rule, capability }) =>
      rule === undefined
        ? capability
        : { ...capability, when: [...capability.when, ...askedBy(asks.expirations, rule)] },
    ),
    ...retentionCapabilities(asks, plan, test),
  ];
}

/**
 * The keyword sets that ask for one rule: for a prefix's rule each set also holds the prefix's words
 * (`cloudtrail`), so a text about another prefix is not answered by it; the whole bucket's rule takes
 * the bare sets.
 */
function ruleWords(rule: PlannedRule, sets: readonly (readonly string[])[]): (readonly string[])[] {
  const prefixWords = rule.prefix === undefined ? [] : wordsOf(rule.prefix);
  return sets.map((set) => [...prefixWords, ...set]);
}

/** A capability and the rule it answers for (none for a refusal with no rule). */
interface RuleCapability {
  readonly rule?: PlannedRule;
  readonly capability: Capability;
}

function transitionCapabilities(
  plan: LifecyclePlan,
  test: (title: string) => TestEvidence,
  refusedFor: (clauseText: string) => string[],
): RuleCapability[] {
  const moving = plan.rules.filter((rule) => rule.transitions.length > 0);
  const movingClauses = new Set(moving.flatMap((rule) => rule.transitions.map((move) => move.askedBy)));
  // A clause none of whose moves was kept is told why they were not generated.
  const texts = [...new Set(plan.refused.flatMap((refusal) => refusal.askedBy ?? []))].filter(
    (text) => !movingClauses.has(text),
  );
  const refusals = texts.flatMap((text): RuleCapability[] => {
    const whys = refusedFor(text).filter((why) => why.includes(' is not generated: '));
    return whys.length === 0
      ? []
      : [
          {
            capability: {
              when: [wordsOf(text)],
              implementedBy: '',
              tests: [],
              resources: [],
              notGenerated: whys.join('; '),
            },
          },
        ];
  });
  return [
    ...moving.map((rule) => ({
      rule,
      capability: {
        when: ruleWords(rule, TRANSITION_WORDS),
        implementedBy: describeMoves(rule),
        tests: rule.transitions.map((move) => test(transitionTitle(move))),
        resources: ['DataBucket'],
        gaps: rule.transitions
          .filter((move) => !move.ageGiven)
          .map(
            (move) =>
              `no age was given for ${move.storageClass}, so objects move there after ${move.days} days`,
          ),
        compare: (clauseText: string) => [...refusedFor(clauseText), ...daysNotPlanned(clauseText, plan)],
      },
    })),
    ...refusals,
  ];
}

/**
 * Ages a clause writes (`after 45 days`) that no planned move or expiry uses and no refusal of the
 * clause names: an age read by nothing is said, never counted met because the clause's words match.
 */
function daysNotPlanned(clauseText: string, plan: LifecyclePlan): string[] {
  const planned = new Set(
    plan.rules.flatMap((rule) => [
      ...rule.transitions.map((move) => move.days),
      ...(rule.expiration === undefined ? [] : [rule.expiration.days, rule.expiration.asked.days]),
    ]),
  );
  const refusals = plan.refused
    .filter((refusal) => refusal.askedBy === clauseText)
    .map((refusal) => refusal.why);
  return [...withoutLinks(clauseText).matchAll(/(?<![\w.-])(\d+)\s+days?\b/gi)]
    .map((match) => Number(match[1]))
    .filter((days) => !planned.has(days) && !refusals.some((why) => why.includes(`${days} days`)))
    .map((days) => `${days} days is not a value of what was generated; set it by hand or ask again`);
}

function expiryCapabilities(
  plan: LifecyclePlan,
  test: (title: string) => TestEvidence,
  refusedFor: (clauseText: string) => string[],
  asks: InfrastructureAsks,
): RuleCapability[] {
  const retentionPrefix = asks.retention?.prefix;
  const expiring = plan.rules.filter((rule) => rule.expiration !== undefined);
  return expiring.map((rule) => ({
    rule,
    capability: {
      when: ruleWords(
        rule,
        EXPIRY_WORDS.flatMap((word) => AGE_WORDS.map((age) => [word, age])),
      ),
      implementedBy: describeExpiry(rule),
      tests: [test(expirationTitle(rule.expiration?.days ?? 0, rule.prefix))],
      resources: ['DataBucket'],
      compare: (clauseText: string) => [
        ...refusedFor(clauseText),
        ...raisedExpiry(rule, clauseText, retentionPrefix),
        ...noncurrentKept(rule, noncurrentVersionDays(asks)),
      ],
    },
  }));
}

/**
 * The bucket is versioned, so an expiry only adds a delete marker: the object's data stays as a
 * noncurrent version until expire-old-versions removes it (S3 User Guide, "Lifecycle configuration
 * on a versioning-enabled bucket"). A deletion asked at an age is met only that many days later.
 */
function noncurrentKept(rule: PlannedRule, noncurrentDays: number): string[] {
  const days = rule.expiration?.days ?? 0;
  if (noncurrentDays <= 1) return [];
  return [
    `the bucket is versioned: expiring ${rule.prefix === undefined ? 'an object' : `an object under ${rule.prefix}`} at ${days} days only adds a delete marker, and its data stays as a noncurrent (old) version for NoncurrentVersionRetentionDays (${noncurrentDays} days) more, so it is gone after ${days + noncurrentDays} days; set NoncurrentVersionRetentionDays to 1 (or add a NoncurrentVersionExpiration to ${rule.id}) to delete it a day after it expires`,
  ];
}

/** Says when the expiry a clause asked was raised to a retention's floor, and why. */
function raisedExpiry(rule: PlannedRule, clauseText: string, retentionPrefix: string | undefined): string[] {
  const expiration = rule.expiration;
  if (expiration === undefined || expiration.asked.askedBy !== clauseText) return [];
  if (expiration.days <= expiration.asked.days) return [];
  const kept = retentionPrefix ?? rule.prefix;
  return [
    kept === rule.prefix
      ? `${subject(rule)} expire after ${expiration.days} days, not ${expiration.asked.days}: the retention asked for keeps them that long`
      : `${subject(rule)} expire after ${expiration.days} days, not ${expiration.asked.days}: objects under ${kept ?? ''} must be kept that long, and an S3 lifecycle rule cannot leave out a prefix`,
  ];
}

/**
 * Object Lock when the request asked that objects cannot be deleted; otherwise the retention is a
 * floor the lifecycle keeps: no expiry sooner, old versions kept as long.
 */
function retentionCapabilities(
  asks: InfrastructureAsks,
  plan: LifecyclePlan,
  test: (title: string) => TestEvidence,
): Capability[] {
  const retention = asks.retention;
  if (retention === undefined) {
    return asks.lockAsked
      ? [
          {
            when: LOCK_WORDS,
            implementedBy: '',
            tests: [],
            resources: [],
            notGenerated:
              'Object Lock is not enabled: the request says objects cannot be deleted but not for how long, and a default retention needs a period; ask again with one (`locked for 7 years`)',
          },
        ]
      : [];
  }
  const period = `${retention.duration.amount} ${retention.duration.unit}`;
  const expiring = plan.rules.filter((rule) => rule.expiration !== undefined);
  const expiry =
    expiring.length === 0 ? 'no lifecycle rule deletes it' : `${expiring.map(describeExpiry).join('; ')}`;
  if (retention.locked) {
    return [
      lockCapability(retention, test),
      {
        // With the expiry words: `keep them 10 years, then delete them` is met by the expiry this names.
        when: [...RETENTION_WORDS, ...EXPIRY_WORDS].map((word) => [word]),
        implementedBy: `Object Lock (governance mode) keeps every object ${period}; ${expiry}`,
        tests: [test(retentionTitle(retention))],
        resources: ['DataBucket'],
      },
    ];
  }
  const versionDays = noncurrentVersionDays(asks);
  const scope = retention.prefix === undefined ? 'an object' : `an object under ${retention.prefix}`;
  const lock = asks.objectLock;
  const refusing =
    lock === undefined
      ? 'nothing refuses a deletion, which Object Lock would (ask that objects cannot be deleted)'
      : `Object Lock refuses a deletion only for the ${lock.duration.amount} ${lock.duration.unit} asked for it`;
  return [
    ...(lock === undefined ? [] : [lockCapability(lock, test)]),
    {
      when: [...RETENTION_WORDS, ...EXPIRY_WORDS].map((word) => [word]),
      implementedBy: `no lifecycle rule deletes ${scope} before it is ${period} old (${expiry}); a deleted or overwritten one stays restorable as an old version for ${versionDays} days (NoncurrentVersionRetentionDays); ${refusing}`,
      tests: [test(retentionTitle(retention))],
      resources: ['DataBucket'],
      gaps:
        versionDays < retention.days
          ? [
              `old versions expire after ${versionDays} days as asked, so an object deleted or overwritten sooner than ${period} after it was written can be lost before then`,
            ]
          : [],
    },
  ];
}

/** Object Lock's own row: the period the locking clause gave (`immutable for 90 days`). */
function lockCapability(lock: ObjectLockAsk, test: (title: string) => TestEvidence): Capability {
  return {
    when: LOCK_WORDS,
    implementedBy: `Object Lock (governance mode) refuses deleting or overwriting an object version for ${lock.duration.amount} ${lock.duration.unit}`,
    tests: [test(objectLockTitle(lock))],
    resources: ['DataBucket'],
    gaps: [
      'governance mode, not compliance mode: a principal granted s3:BypassGovernanceRetention can still delete a version early, and no role is generated for the readers',
    ],
  };
}

function subject(rule: PlannedRule): string {
  return rule.prefix === undefined ? 'objects' : `objects under ${rule.prefix}`;
}

function describeMoves(rule: PlannedRule): string {
  return `a lifecycle rule (${rule.id}) moving ${subject(rule)} to ${rule.transitions
    .map((move) => `${move.storageClass} after ${move.days} days`)
    .join(', then ')}`;
}

function describeExpiry(rule: PlannedRule): string {
  return `a lifecycle rule (${rule.id}) expires ${rule.prefix === undefined ? 'every object' : `every object under ${rule.prefix}`} ${rule.expiration?.days ?? 0} days after it was written`;
}
