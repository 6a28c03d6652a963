import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './is-own-resource.js';
import { readTemplateValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/** Types whose `Targets` list the machines they run commands or automations on. */
const TARGETED_TYPES: ReadonlySet<string> = new Set([
  'AWS::SSM::Association',
  'AWS::SSM::MaintenanceWindowTarget',
  'AWS::SSM::MaintenanceWindowTask',
]);

/** Target keys that name resources, and the types of this template they may name. */
const OWN_TARGET_TYPES: ReadonlyMap<unknown, ReadonlySet<string>> = new Map([
  ['InstanceIds', new Set(['AWS::EC2::Instance'])],
  ['WindowTargetIds', new Set(['AWS::SSM::MaintenanceWindowTarget'])],
]);

/**
 * Run Command, State Manager associations and maintenance windows run documents (shell scripts,
 * patching, automations) as root on the managed instances they target. Targets are tags, resource
 * groups or instance ids, and `InstanceIds: ['*']` is every managed instance of the account and
 * Region (AWS Systems Manager User Guide, "Understanding targets and rate controls in State Manager
 * associations"); an EventBridge rule's `RunCommandParameters` sends the same commands. Only
 * instances (or maintenance window targets) made by this template are seen; any other target is a
 * `fleet-command` reason, because what the commands do to those machines is not in the change.
 */
export function fleetCommandRisks(params: ResourceRiskInput): RiskReason[] {
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const where = `${params.where}.Properties`;
  const lists: Array<{ value: unknown; at: string }> = [];
  if (TARGETED_TYPES.has(params.type) && properties['Targets'] !== undefined)
    lists.push({ value: properties['Targets'], at: `${where}.Targets` });
  if (params.type === 'AWS::SSM::Association' && properties['InstanceId'] !== undefined)
    lists.push({
      value: [{ Key: 'InstanceIds', Values: [properties['InstanceId']] }],
      at: `${where}.InstanceId`,
    });
  findRunCommands(properties, where, (run, at) =>
    lists.push({ value: isPlainObject(run) ? run['RunCommandTargets'] : run, at: `${at}.RunCommandTargets` }),
  );
  return lists
    .filter((list) => list.value !== undefined && !ownTargets(list.value, params.context))
    .map((list) => ({
      code: 'fleet-command',
      where: list.at,
      message: `${params.logicalId} (${params.type}) runs commands on instances this change does not make (${describe(list.value, params.context)}); what they do there cannot be judged.`,
    }));
}

/** Every `RunCommandParameters` (EventBridge targets), at any depth and on every `Fn::If` branch. */
function findRunCommands(value: unknown, at: string, found: (run: unknown, at: string) => void): void {
  if (Array.isArray(value)) value.forEach((item, index) => findRunCommands(item, `${at}[${index}]`, found));
  else if (isPlainObject(value))
    for (const [key, child] of Object.entries(value))
      if (key === 'RunCommandParameters') found(child, `${at}.${key}`);
      else findRunCommands(child, `${at}.${key}`, found);
}

/** Every target is an instance or maintenance window target of this template, by `Ref`/`Fn::GetAtt`. */
function ownTargets(targets: unknown, context: TemplateValueContext): boolean {
  if (!Array.isArray(targets)) return false;
  return targets.every((target: unknown) => {
    if (!isPlainObject(target)) return false;
    const key = target['Key'];
    const values = target['Values'];
    const types = OWN_TARGET_TYPES.get(key);
    return (
      types !== undefined &&
      Array.isArray(values) &&
      values.length > 0 &&
      values.every((value: unknown) => isOwnResource(value, context, types))
    );
  });
}

/** `Key=Values` pairs as written, e.g. `InstanceIds=*`, `tag:Env=prod`. */
function describe(targets: unknown, context: TemplateValueContext): string {
  if (!Array.isArray(targets)) return 'targets only known at deploy time';
  return targets
    .map((target: unknown) => {
      if (!isPlainObject(target)) return 'a computed target';
      const key = readTemplateValue(target['Key'], context);
      const values = readTemplateValue(target['Values'], context);
      return `${key.known ? key.texts.join('|') : '(computed)'}=${values.known ? values.texts.join(',') : '(computed)'}`;
    })
    .join('; ');
}
