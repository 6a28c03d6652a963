import { isPlainObject } from '../cfn/is-plain-object.js';
import { templateDefinitions, type BaseResource, type BaseStackResources } from './base-stack-resources.js';
import { dataKeepingSettings, readsDataKeeping, type DataKeeping } from './data-keeping-settings.js';
import type { RiskReason } from './risk-assessment.js';
import { settingSource, type TemplateDefinitions } from './setting-source.js';

/**
 * SAM makes an `AWS::DynamoDB::Table` of an `AWS::Serverless::SimpleTable`, with the same logical
 * id (AWS SAM Developer Guide, "AWS::Serverless::SimpleTable"): rewriting one as the other keeps the table.
 */
const SAME_RESOURCE_TYPES: ReadonlyMap<string, string> = new Map([
  ['AWS::Serverless::SimpleTable', 'AWS::DynamoDB::Table'],
]);

/**
 * `data-expiry` for a setting that destroys (or makes unreadable) data a resource already holds:
 * a setting of `dataKeepingSettings` (an S3 lifecycle expiration, versioning suspended, DynamoDB
 * TTL switched on or point-in-time recovery cut, a log group's retention, a KMS key disabled, a
 * queue's message retention, a database's backup retention) that keeps less than the same
 * resource (same logical id and type) keeps on the base branch (`base`), or its default where the
 * base does not write it. The change is read at the least it may keep and the base at the most
 * (any `Fn::If` branch or allowed value may be the one deployed), unless the setting, with the
 * parameters and conditions it reads, is the same on both (`settingSource`). CloudFormation applies such a setting to the existing resource on
 * update, and the service deletes what it no longer keeps: a Retain policy does not help
 * (`stateful-delete-policy` only guards removal). A resource the base does not have is new and holds
 * nothing yet: low. A value only known at deploy time (a parameter without `AllowedValues`, a
 * dynamic reference) may keep anything, so it counts as less. When the base is unknown, every
 * resource may exist and every setting the change writes that keeps less than the setting's most
 * counts (the message says why the base is unknown); a setting the change leaves out is then not
 * judged. `where` is `<path>#Resources.<Id>.Properties.<setting>`. Pure; never throws.
 */
export function dataExpiryRisks(params: {
  path: string;
  template: unknown;
  base: BaseStackResources;
}): RiskReason[] {
  const { path, template, base } = params;
  if (!isPlainObject(template) || !isPlainObject(template['Resources'])) return [];
  const resources = template['Resources'];
  const context = { parameters: template['Parameters'], resources };
  const definitions = templateDefinitions(template);
  const reasons: RiskReason[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (logicalId.startsWith('Fn::') || !isPlainObject(resource)) continue;
    const type = typeof resource['Type'] === 'string' ? resource['Type'] : '';
    if (!readsDataKeeping(type)) continue;
    const properties = resource['Properties'];
    const head = dataKeepingSettings({ type, properties, context });
    const where = `${path}#Resources.${logicalId}`;
    const name = `${logicalId} (${type})`;
    if (!base.known) {
      for (const setting of head)
        if (setting.written && keepsLess(setting.keeps, setting.most))
          reasons.push(
            reason({
              where,
              setting,
              message: `${name} may already hold data (${base.why}), and this change ${change(setting)}`,
            }),
          );
      continue;
    }
    for (const existing of (base.byLogicalId.get(logicalId) ?? []).filter((found) =>
      sameType(found.type, type),
    ))
      for (const { setting, was } of shortened({ head, properties, definitions }, existing))
        reasons.push(
          reason({
            where,
            setting,
            message: `${name} exists on the base branch, and this change ${change(setting, shown(was, setting))}`,
          }),
        );
  }
  return [...new Map(reasons.map((found) => [found.where, found])).values()];
}

/**
 * Each setting that keeps less on the head (at its least) than on the base resource (at its
 * most: the stack may have deployed any branch or allowed value), with what it kept there: the
 * settings of either side, the other side's missing one at its default (`unset`). A setting
 * whose text, parameters and conditions are the same on both sides (`settingSource`) is
 * unchanged: the stack keeps deploying the same branch (unless its value is only known at deploy time).
 */
function shortened(
  change: { head: readonly DataKeeping[]; properties: unknown; definitions: TemplateDefinitions },
  existing: BaseResource,
): { setting: DataKeeping; was: number | undefined }[] {
  const { head } = change;
  const before = dataKeepingSettings({
    type: existing.type,
    properties: existing.properties,
    context: existing.context,
    bound: 'most',
  });
  const was = new Map(before.map((setting) => [setting.key, setting.keeps]));
  const now = new Map(head.map((setting) => [setting.key, setting]));
  const unchanged = (setting: DataKeeping): boolean => {
    if (setting.keeps === undefined) return false;
    const source = (side: { properties: unknown; definitions: TemplateDefinitions }) =>
      settingSource({ properties: side.properties, names: setting.source, definitions: side.definitions });
    const after = source(change);
    return after !== undefined && after === source(existing);
  };
  // A default the change does not write is judged only against the same setting on the base.
  const found = head
    .filter((setting) => !unchanged(setting))
    .filter((setting) => setting.written || was.has(setting.key))
    .filter((setting) =>
      keepsLess(setting.keeps, was.has(setting.key) ? was.get(setting.key) : setting.unset),
    )
    .map((setting) => ({ setting, was: was.has(setting.key) ? was.get(setting.key) : setting.unset }));
  // A setting the change removes falls back to its default, which may keep less (a queue's 4 days).
  for (const setting of before)
    if (!now.has(setting.key) && keepsLess(setting.unset, setting.keeps))
      found.push({ setting: { ...setting, keeps: setting.unset, written: false }, was: setting.keeps });
  return found;
}

/** `a` keeps less than `b`: an unknown value may keep less than anything but nothing at all. */
function keepsLess(a: number | undefined, b: number | undefined): boolean {
  if (a === Infinity) return false;
  if (a === undefined) return b === undefined || b > 0;
  return b === undefined || a < b;
}

function sameType(a: string, b: string): boolean {
  return (SAME_RESOURCE_TYPES.get(a) ?? a) === (SAME_RESOURCE_TYPES.get(b) ?? b);
}

/** "sets <setting> from <was> to <now>: <effect>." (or "removes <setting>…", back to its default). */
function change(setting: DataKeeping, was?: string): string {
  const from = was === undefined ? '' : ` from ${was}`;
  const verb = setting.written ? 'sets' : 'removes';
  const to = setting.written ? '' : ' (its default)';
  return `${verb} ${setting.at}${from} to ${shown(setting.keeps, setting)}${to}: ${setting.effect}.`;
}

function shown(value: number | undefined, setting: DataKeeping): string {
  if (value === undefined) return 'a value known only at deploy time';
  const unit = setting.unit;
  if (typeof unit === 'object') return value === Infinity ? unit.keeping : unit.destroying;
  if (value === Infinity) return 'no limit';
  if (unit === 'date') return new Date(value).toISOString().slice(0, 10);
  return `${value} ${unit}`;
}

function reason(params: { where: string; setting: DataKeeping; message: string }): RiskReason {
  return {
    code: 'data-expiry',
    where: `${params.where}.Properties.${params.setting.at}`,
    message: params.message,
  };
}
