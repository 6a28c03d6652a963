import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './existing-role-risks.js';
import { readTemplateValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/** Where each type lists the machines it runs commands or automations on. */
const TARGET_LISTS: Record<string, readonly (readonly string[])[]> = {
  'AWS::SSM::Association': [['Targets']],
  'AWS::SSM::MaintenanceWindowTarget': [['Targets']],
  'AWS::SSM::MaintenanceWindowTask': [['Targets']],
};

/**
 * Run Command, State Manager associations and maintenance windows run documents (shell scripts,
 * patching, automations) as root on the managed instances they target. Targets are tags, resource
 * groups or instance ids, and `InstanceIds: ['*']` is every managed instance of the account and
 * Region (AWS Systems Manager User Guide, "Understanding targets and rate controls in State Manager
 * associations"); an EventBridge rule's `RunCommandParameters` sends the same commands. Only
 * instances (or maintenance window targets) made by this template are seen; any other target is a
 * `fleet-command` reason, because what the commands do to those machines is not in the change.
 */
export function fleetCommandRisks(params: {
  logicalId: string;
  type: string;
  properties: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const lists: Array<{ value: unknown; at: string }> = (TARGET_LISTS[params.type] ?? []).map((path) => ({
    value: properties[path[0] ?? ''],
    at: `${params.where}.Properties.${path.join('.')}`,
  }));
  if (params.type === 'AWS::SSM::Association' && properties['InstanceId'] !== undefined)
    lists.push({
      value: [{ Key: 'InstanceIds', Values: [properties['InstanceId']] }],
      at: `${params.where}.Properties.InstanceId`,
    });
  if (params.type === 'AWS::Events::Rule' && Array.isArray(properties['Targets']))
    properties['Targets'].forEach((target: unknown, index: number) => {
      const run = isPlainObject(target) ? target['RunCommandParameters'] : undefined;
      if (run !== undefined)
        lists.push({
          value: isPlainObject(run) ? run['RunCommandTargets'] : run,
          at: `${params.where}.Properties.Targets[${index}].RunCommandParameters.RunCommandTargets`,
        });
    });
  return lists
    .filter((list) => list.value !== undefined && !ownTargets(list.value, params.context))
    .map((list) => ({
      code: 'fleet-command',
      where: list.at,
      message: `${params.logicalId} (${params.type}) runs commands on instances this change does not make (${describe(list.value, params.context)}); what they do there cannot be judged.`,
    }));
}

/** Every target is an instance or maintenance window target of this template, by `Ref`/`Fn::GetAtt`. */
function ownTargets(targets: unknown, context: TemplateValueContext): boolean {
  if (!Array.isArray(targets)) return false;
  return targets.every((target: unknown) => {
    if (!isPlainObject(target)) return false;
    const key = target['Key'];
    const values = target['Values'];
    return (
      (key === 'InstanceIds' || key === 'WindowTargetIds') &&
      Array.isArray(values) &&
      values.length > 0 &&
      values.every((value: unknown) => isOwnResource(value, context))
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
