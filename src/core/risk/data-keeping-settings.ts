import { isPlainObject } from '../cfn/is-plain-object.js';
import { readSettingValue, type TemplateValueContext } from './read-template-value.js';
import { ifBranches } from './if-branches.js';
import { valuesAtPath, type ValueAtPath } from './values-at-path.js';

/**
 * One setting that decides how long a resource keeps the data it holds, as a number of its `unit`
 * where more keeps more: days of retention, a date objects expire on, `Infinity` for "nothing
 * expires" (or a switch that keeps everything), 0 for a switch that destroys or hides everything.
 */
export interface DataKeeping {
  /** The setting's identity in the resource: the same setting on the base branch has the same key. */
  readonly key: string;
  /** Where it is below `Properties` (`LifecycleConfiguration.Rules[0].ExpirationInDays`). */
  readonly at: string;
  /** What is kept; `undefined` when the value is only known at deploy time (a parameter, an import). */
  readonly keeps: number | undefined;
  /**
   * The top-level properties the setting is written in (`LifecycleConfiguration`): the same text
   * there, with the same parameters and conditions, on both branches is the setting unchanged.
   */
  readonly source: readonly string[];
  /** The resource writes it; false for the default of a setting left out (`unset`). */
  readonly written: boolean;
  /** What the resource keeps when it does not write the setting (the service's default). */
  readonly unset: number;
  /** The most any value of the setting keeps: when the base is unknown, anything less may shorten it. */
  readonly most: number;
  readonly unit: KeepingUnit;
  /** What the service does to the data when the setting keeps less (for the reason's message). */
  readonly effect: string;
}

/**
 * `days`, `seconds`, `versions` and `date` (milliseconds since 1970) count; a switch reads as its
 * `keeping` word at `Infinity` and its `destroying` word below.
 */
export type KeepingUnit =
  'days' | 'seconds' | 'versions' | 'date' | { readonly keeping: string; readonly destroying: string };

/** What a setting's value reads as: not written, only known at deploy time, or its possible texts. */
type Read =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'known';
      readonly texts: readonly string[];
      /** An `Fn::If` branch gives `AWS::NoValue`: the setting is left out there (its default). */
      readonly orAbsent: boolean;
    };

/**
 * Which value a setting written on several branches (`Fn::If`, a parameter's `AllowedValues`)
 * is read as: `least` for the change (the least it may keep), `most` for the base branch (the
 * stack deployed may run any of them, so the most any of them keeps).
 */
export type KeepingBound = 'least' | 'most';

type SettingsReader = (
  properties: unknown,
  context: TemplateValueContext,
  bound: KeepingBound,
) => DataKeeping[];

/**
 * The settings, by resource type, that destroy (or make unreadable) data a resource already holds
 * when CloudFormation applies them on update, the resource kept. Only types the classifier has
 * reviewed are here (`REVIEWED_RESOURCE_TYPES`): any other type is high already.
 */
const READERS: ReadonlyMap<string, SettingsReader> = new Map<string, SettingsReader>([
  [
    'AWS::S3::Bucket',
    (properties, context, bound) => [
      ...lifecycleRules(properties, context, bound),
      ...versioning(properties, context, bound),
    ],
  ],
  [
    'AWS::DynamoDB::Table',
    (properties, context, bound) => [
      ...timeToLive(properties, context, bound),
      ...pointInTimeRecovery(properties, context, bound),
    ],
  ],
  // SAM passes `PointInTimeRecoverySpecification` to the table it makes (AWS SAM Developer Guide,
  // "AWS::Serverless::SimpleTable"); a simple table has no TTL.
  ['AWS::Serverless::SimpleTable', pointInTimeRecovery],
  ['AWS::Logs::LogGroup', logRetention],
  ['AWS::KMS::Key', keyEnabled],
  ['AWS::SQS::Queue', (properties, context, bound) => messageRetention(properties, context, bound)],
  ['AWS::RDS::DBInstance', backupRetention],
]);

/**
 * Every setting of `DataKeeping` a resource of `type` writes (or, for switches and settings with a
 * finite default, leaves at its default), read with `context` (a parameter without
 * `AllowedValues`, a dynamic reference: `keeps` undefined) at `bound` (default `least`): a value
 * on several branches (`Fn::If`, `AllowedValues`, an `AWS::NoValue` branch at the default) keeps
 * the least of them, or at `most` the most of them, a setting (a lifecycle rule, TTL) present
 * on one branch only being left out. Empty for other types. Pure; never throws on malformed
 * properties.
 */
export function dataKeepingSettings(params: {
  type: string;
  properties: unknown;
  context: TemplateValueContext;
  bound?: KeepingBound;
}): DataKeeping[] {
  const bound = params.bound ?? 'least';
  const found = READERS.get(params.type)?.(params.properties, params.context, bound) ?? [];
  // One setting written on several branches (`Fn::If`, rules of one scope): its least, or its most.
  const byKey = new Map<string, DataKeeping>();
  for (const setting of found) {
    const seen = byKey.get(setting.key);
    const better =
      seen === undefined ||
      (bound === 'least' ? keepsLess(setting.keeps, seen.keeps) : keepsMore(setting.keeps, seen.keeps));
    if (better) byKey.set(setting.key, setting);
  }
  return [...byKey.values()];
}

/** `a` keeps less than `b`: an unknown value keeps least of all (and, on the base, may keep most). */
function keepsLess(a: number | undefined, b: number | undefined): boolean {
  return b !== undefined && (a === undefined || a < b);
}

/** `a` may keep more than `b`: an unknown value may keep anything, the most too. */
function keepsMore(a: number | undefined, b: number | undefined): boolean {
  return b !== undefined && (a === undefined || a > b);
}

/** The types `dataKeepingSettings` reads. */
export function readsDataKeeping(type: string): boolean {
  return READERS.has(type);
}

/**
 * S3 lifecycle expiration (Amazon S3 User Guide, "Expiring objects"; AWS CloudFormation Template
 * Reference, "AWS::S3::Bucket Rule"): `ExpirationInDays` and `ExpirationDate` delete current
 * objects, `NoncurrentVersionExpiration` (`NoncurrentDays`, `NewerNoncurrentVersions` kept) and the
 * older `NoncurrentVersionExpirationInDays` delete old versions, of every object the rule's scope
 * (`Prefix`, `TagFilters`, `ObjectSizeGreaterThan`, `ObjectSizeLessThan`) takes; S3 applies a rule
 * to objects already stored. A `Disabled` rule does nothing. Not read: `ExpiredObjectDeleteMarker`
 * (removes a delete marker with no older version left: no data), `AbortIncompleteMultipartUpload`
 * (parts never made an object), transitions (the data stays, in another storage class). A rule's
 * key is its scope, so a rule renamed keeps its key and a scope changed is a new rule.
 */
function lifecycleRules(
  properties: unknown,
  context: TemplateValueContext,
  bound: KeepingBound,
): DataKeeping[] {
  const effect = 'S3 deletes every object (or old version) the rule expires, those already stored too';
  const setting = (key: string, at: string, keeps: number | undefined, unit: KeepingUnit): DataKeeping => ({
    key,
    at,
    source: ['LifecycleConfiguration'],
    keeps,
    written: true,
    unset: Infinity,
    most: Infinity,
    unit,
    effect,
  });
  const rules = valuesAtPath(properties, ['LifecycleConfiguration', 'Rules', '[]']).flatMap(ruleBranches);
  return rules.flatMap(({ value: rule, at }) => {
    if (rule === undefined) return [];
    if (!isPlainObject(rule) || isIntrinsic(rule))
      return [setting('lifecycle rule (computed)', at, undefined, 'days')];
    const status = read(rule['Status'], context);
    if (status.kind === 'known' && !status.orAbsent && status.texts.every((text) => text === 'Disabled'))
      return [];
    // At its most, a rule on one branch of an `Fn::If` (the other may have none, or another), or
    // one that may be `Disabled`, expires nothing.
    const mayBeOff =
      at.includes('Fn::If') ||
      status.kind !== 'known' ||
      status.orAbsent ||
      status.texts.some((text) => text === 'Disabled');
    if (bound === 'most' && mayBeOff) return [];
    const scope = JSON.stringify({
      Prefix: rule['Prefix'] ?? '',
      TagFilters: rule['TagFilters'] ?? [],
      ObjectSizeGreaterThan: rule['ObjectSizeGreaterThan'] ?? null,
      ObjectSizeLessThan: rule['ObjectSizeLessThan'] ?? null,
    });
    // A scope only known at deploy time (a parameter's prefix) may take any object of the bucket.
    const scopeKnown = !/"(Ref|Fn::[A-Za-z]+)"/.test(scope);
    const found: DataKeeping[] = [];
    const add = (path: readonly string[], unit: 'days' | 'date' | 'versions', fallback?: number) => {
      for (const { value, at: below } of valuesAtPath(rule, path)) {
        const written = read(value, context);
        if (written.kind === 'absent' && fallback === undefined) continue;
        // Left out (on an `Fn::If` branch too), the rule expires nothing by it, or keeps its `fallback`.
        const keeps = !scopeKnown ? undefined : boundOr(written, unit, fallback ?? Infinity, bound);
        const key = `lifecycle rule ${scope} ${path.join('.')}`;
        found.push({ ...setting(key, `${at}.${below}`, keeps, unit), written: written.kind !== 'absent' });
      }
    };
    add(['ExpirationInDays'], 'days');
    add(['ExpirationDate'], 'date');
    add(['NoncurrentVersionExpirationInDays'], 'days');
    if (rule['NoncurrentVersionExpiration'] !== undefined) {
      add(['NoncurrentVersionExpiration', 'NoncurrentDays'], 'days');
      // Left out, no newer noncurrent version is kept past `NoncurrentDays` (a default, judged
      // only against the same rule on the base: a new rule is judged by its `NoncurrentDays`).
      add(['NoncurrentVersionExpiration', 'NewerNoncurrentVersions'], 'versions', 0);
    }
    return found;
  });
}

/**
 * `VersioningConfiguration.Status` (Amazon S3 User Guide, "Working with objects in a
 * versioning-suspended bucket"): suspended, an overwrite or delete destroys the object's data
 * where versioning kept the old version. Unset, a bucket keeps no versions either.
 */
function versioning(properties: unknown, context: TemplateValueContext, bound: KeepingBound): DataKeeping[] {
  return valuesAtPath(properties, ['VersioningConfiguration', 'Status']).map(({ value }) => {
    const status = read(value, context);
    const enabled = (text: string) => text === 'Enabled';
    const keeps =
      status.kind === 'absent'
        ? 0
        : status.kind === 'unknown'
          ? undefined
          : bound === 'most'
            ? status.texts.some(enabled)
              ? Infinity
              : 0
            : !status.orAbsent && status.texts.every(enabled)
              ? Infinity
              : 0;
    return {
      key: 'VersioningConfiguration.Status',
      at: 'VersioningConfiguration.Status',
      source: ['VersioningConfiguration'],
      keeps,
      written: status.kind !== 'absent',
      unset: 0,
      most: Infinity,
      unit: { keeping: 'Enabled', destroying: 'Suspended (or not set)' },
      effect: 'an overwrite or delete then destroys the object where S3 kept its old version',
    };
  });
}

/**
 * `TimeToLiveSpecification` (Amazon DynamoDB Developer Guide, "Time to Live (TTL)"): enabled,
 * DynamoDB deletes every item whose `AttributeName` holds a time in the past, items already stored
 * too. Keyed by the attribute: TTL moved to another attribute deletes other items.
 */
function timeToLive(properties: unknown, context: TemplateValueContext, bound: KeepingBound): DataKeeping[] {
  const effect =
    'DynamoDB deletes every item whose TTL attribute holds a past time, items already stored too';
  const found = valuesAtPath(properties, ['TimeToLiveSpecification']).flatMap(settingBranches);
  return found.flatMap(({ value, at }): DataKeeping[] => {
    if (value === undefined) return [];
    const entry = isPlainObject(value) && !isIntrinsic(value) ? value : undefined;
    const enabled = read(entry?.['Enabled'], context);
    if (enabled.kind === 'known' && !enabled.orAbsent && enabled.texts.every(isFalse)) return [];
    // At its most, TTL on one branch of an `Fn::If`, or one that may be off, deletes nothing.
    const mayBeOff =
      at.includes('Fn::If') ||
      (enabled.kind === 'known' && (enabled.orAbsent || enabled.texts.some(isFalse)));
    if (bound === 'most' && (mayBeOff || entry === undefined || enabled.kind !== 'known')) return [];
    const attribute = read(entry?.['AttributeName'], context);
    const unit = { keeping: 'off', destroying: 'on' };
    const setting = {
      at,
      source: ['TimeToLiveSpecification'],
      written: true,
      unset: Infinity,
      most: Infinity,
      unit,
      effect,
    };
    if (entry === undefined || attribute.kind !== 'known')
      return [{ ...setting, key: 'TimeToLiveSpecification (computed)', keeps: undefined }];
    return attribute.texts.map((name) => ({
      ...setting,
      key: `TimeToLiveSpecification on ${name}`,
      keeps: enabled.kind === 'unknown' ? undefined : 0,
    }));
  });
}

/**
 * `PointInTimeRecoverySpecification` (Amazon DynamoDB Developer Guide, "Point-in-time recovery"):
 * switched off, the table's continuous backups are gone (re-enabled, recovery starts anew);
 * `RecoveryPeriodInDays` (1 to 35, default 35) shortened drops the days past it. Unset: off.
 */
function pointInTimeRecovery(
  properties: unknown,
  context: TemplateValueContext,
  bound: KeepingBound,
): DataKeeping[] {
  const found = valuesAtPath(properties, ['PointInTimeRecoverySpecification']).flatMap(settingBranches);
  return found.map(({ value, at }) => {
    const entry = isPlainObject(value) && !isIntrinsic(value) ? value : undefined;
    const enabled =
      entry === undefined && value !== undefined
        ? { kind: 'unknown' as const }
        : read(entry?.['PointInTimeRecoveryEnabled'], context);
    const period = read(entry?.['RecoveryPeriodInDays'], context);
    const on =
      enabled.kind === 'known' &&
      (bound === 'most'
        ? enabled.texts.some((text) => !isFalse(text))
        : !enabled.orAbsent && !enabled.texts.some(isFalse));
    const keeps = enabled.kind === 'unknown' ? undefined : on ? boundOr(period, 'days', 35, bound) : 0;
    return {
      key: 'PointInTimeRecoverySpecification',
      at,
      source: ['PointInTimeRecoverySpecification'],
      keeps,
      written: enabled.kind !== 'absent',
      unset: 0,
      most: 35,
      unit: 'days' as const,
      effect:
        'DynamoDB deletes the continuous backups past the recovery period (all of them when it is switched off)',
    };
  });
}

/**
 * `RetentionInDays` (Amazon CloudWatch Logs User Guide, "Change log data retention in CloudWatch
 * Logs"): CloudWatch Logs deletes events older than the retention, events already stored too.
 * Unset: kept forever.
 */
function logRetention(
  properties: unknown,
  context: TemplateValueContext,
  bound: KeepingBound,
): DataKeeping[] {
  return valuesAtPath(properties, ['RetentionInDays']).flatMap(({ value, at }) => {
    const written = read(value, context);
    if (written.kind === 'absent') return [];
    return [
      {
        key: 'RetentionInDays',
        at,
        source: ['RetentionInDays'],
        // Left out on an `AWS::NoValue` branch, the events are kept forever there.
        keeps: boundOr(written, 'days', Infinity, bound),
        written: true,
        unset: Infinity,
        most: Infinity,
        unit: 'days' as const,
        effect: 'CloudWatch Logs deletes the events older than the retention, those already stored too',
      },
    ];
  });
}

/**
 * `Enabled` of a KMS key (AWS KMS Developer Guide, "Enabling and disabling keys"): a disabled key
 * cannot decrypt, so everything encrypted with it is unreadable until someone enables it again.
 */
function keyEnabled(properties: unknown, context: TemplateValueContext, bound: KeepingBound): DataKeeping[] {
  return valuesAtPath(properties, ['Enabled']).flatMap(({ value, at }) => {
    const written = read(value, context);
    if (written.kind === 'absent') return [];
    return [
      {
        key: 'Enabled',
        at,
        source: ['Enabled'],
        written: true,
        keeps:
          written.kind === 'unknown'
            ? undefined
            : (
                  bound === 'most'
                    ? written.orAbsent || written.texts.some((text) => !isFalse(text))
                    : !written.texts.some(isFalse)
                )
              ? Infinity
              : 0,
        unset: Infinity,
        most: Infinity,
        unit: { keeping: 'true', destroying: 'false' },
        effect: 'everything encrypted with the key becomes unreadable',
      },
    ];
  });
}

/**
 * A retention period in `unit`s whose removal falls back to the service's default (`unset`) and
 * whose largest value is `most`: always read, so a period removed is judged at its default; one
 * left out on an `Fn::If` branch (`AWS::NoValue`) keeps the default there.
 */
function periodSetting(spec: {
  key: string;
  unset: number;
  most: number;
  unit: 'days' | 'seconds';
  effect: string;
}): SettingsReader {
  const { key, unset, most, unit, effect } = spec;
  return (properties, context, bound) =>
    valuesAtPath(properties, [key])
      .flatMap(settingBranches)
      .map(({ value, at }) => {
        const written = read(value, context);
        return {
          key,
          at,
          source: [key],
          keeps: boundOr(written, unit, unset, bound),
          written: written.kind !== 'absent',
          unset,
          most,
          unit,
          effect,
        };
      });
}

/**
 * `MessageRetentionPeriod` of a queue (AWS CloudFormation Template Reference, "AWS::SQS::Queue":
 * 60 to 1,209,600 seconds, default 345,600, 4 days): SQS deletes messages older than it, those
 * already in the queue too.
 */
const messageRetention = periodSetting({
  key: 'MessageRetentionPeriod',
  unset: 345_600,
  most: 1_209_600,
  unit: 'seconds',
  effect: 'SQS deletes the messages older than the period, those already in the queue too',
});

/**
 * `BackupRetentionPeriod` of a database instance (Amazon RDS User Guide, "Backup retention
 * period"; AWS CloudFormation Template Reference, "AWS::RDS::DBInstance": 0 to 35 days, default
 * 1): RDS deletes the automated backups past the period, all of them at 0. An instance of an Aurora
 * cluster (`DBClusterIdentifier`) takes its cluster's.
 */
const instanceBackupRetention = periodSetting({
  key: 'BackupRetentionPeriod',
  unset: 1,
  most: 35,
  unit: 'days',
  effect: 'RDS deletes the automated backups older than the period (all of them at 0)',
});

/**
 * An instance is a cluster's only when `DBClusterIdentifier` is surely written: a literal name, or
 * this template's cluster (`Ref`). `AWS::NoValue` (on any branch), a parameter or an import may
 * leave the instance on its own, keeping its own backups.
 */
function backupRetention(
  properties: unknown,
  context: TemplateValueContext,
  bound: KeepingBound,
): DataKeeping[] {
  const found = instanceBackupRetention(properties, context, bound).map((setting) => ({
    ...setting,
    source: [...setting.source, 'DBClusterIdentifier'],
  }));
  const cluster = isPlainObject(properties) ? properties['DBClusterIdentifier'] : undefined;
  return isClusterName(cluster, context) ? [] : found;
}

function isClusterName(value: unknown, context: TemplateValueContext): boolean {
  if (typeof value === 'string') return value.trim() !== '' && !value.includes('{{resolve:');
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return false;
  const name = value['Ref'];
  const resource = typeof name === 'string' ? context.resources?.[name] : undefined;
  return isPlainObject(resource) && resource['Type'] === 'AWS::RDS::DBCluster';
}

/**
 * A setting's value on each `Fn::If` branch (`ifBranches`), `AWS::NoValue` read as the setting left
 * out (`undefined`): CloudFormation then applies the service's default on that branch.
 */
function settingBranches(found: ValueAtPath): ValueAtPath[] {
  return ifBranches(found.value, found.at).map((branch) =>
    isNoValue(branch.value) ? { ...branch, value: undefined } : branch,
  );
}

function isNoValue(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 1 && value['Ref'] === 'AWS::NoValue';
}

/** A lifecycle rule given as `Fn::If`: each branch a rule (`Ref: AWS::NoValue`, none). */
function ruleBranches(found: ValueAtPath): ValueAtPath[] {
  const value = found.value;
  const choice = isPlainObject(value) && Object.keys(value).length === 1 ? value['Fn::If'] : undefined;
  if (!Array.isArray(choice) || choice.length !== 3) return [found];
  return [1, 2].flatMap((index) => {
    const branch: unknown = choice[index];
    if (isPlainObject(branch) && branch['Ref'] === 'AWS::NoValue') return [];
    return ruleBranches({ value: branch, at: `${found.at}.Fn::If[${index}]` });
  });
}

/**
 * A value as its possible texts; `Ref: AWS::NoValue` (no text) is not written, and on one branch of
 * an `Fn::If` it is the setting left out on that branch (`orAbsent`), which the reader must judge too.
 */
function read(value: unknown, context: TemplateValueContext): Read {
  if (value === undefined) return { kind: 'absent' };
  const found = readSettingValue(value, context);
  if (!found.known) return { kind: 'unknown' };
  if (found.texts.length === 0) return { kind: 'absent' };
  const orAbsent = ifBranches(value, '').some((branch) => isNoValue(branch.value));
  return { kind: 'known', texts: found.texts, orAbsent };
}

/**
 * The least (or at `most`, the most) a value may keep, `absent` where it is left out (absent, or
 * on an `AWS::NoValue` branch): the smallest number (or earliest date) of its texts, or the
 * largest; undefined when one is neither.
 */
function boundOr(
  value: Read,
  unit: 'days' | 'seconds' | 'versions' | 'date',
  absent: number,
  bound: KeepingBound,
): number | undefined {
  if (value.kind === 'absent') return absent;
  if (value.kind !== 'known') return undefined;
  const numbers = value.texts.map((text) => (unit === 'date' ? Date.parse(text) : numberOf(text)));
  if (!numbers.every(Number.isFinite)) return undefined;
  const candidates = value.orAbsent ? [...numbers, absent] : numbers;
  return bound === 'most' ? Math.max(...candidates) : Math.min(...candidates);
}

function numberOf(text: string): number {
  return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** CloudFormation reads a Boolean property from `false` or `"false"` in any case. */
function isFalse(text: string): boolean {
  return text.toLowerCase() === 'false';
}

function isIntrinsic(value: Record<string, unknown>): boolean {
  return Object.keys(value).some((name) => name === 'Ref' || name.startsWith('Fn::'));
}
