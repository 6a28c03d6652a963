import { isPlainObject } from '../cfn/is-plain-object.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * A dynamic reference and what it reads: `{{resolve:secretsmanager:<secret>…}}`,
 * `{{resolve:ssm-secure:<name>…}}`, `{{resolve:ssm:<name>…}}` (AWS CloudFormation User Guide, "Get
 * values stored in other services using dynamic references": CloudFormation resolves them in any
 * resource property at deploy time).
 */
const REFERENCE = /\{\{resolve:(secretsmanager|ssm-secure|ssm):([^:}]*)/g;

/** Properties reviewed as places a secret belongs: where the value stays a secret (not readable back). */
const SECRET_SINKS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['AWS::RDS::DBInstance', new Set(['MasterUserPassword'])],
  ['AWS::SecretsManager::Secret', new Set(['SecretString'])],
]);

/**
 * `data-egress` for each value holding a dynamic reference to a secret (`secretsmanager`,
 * `ssm-secure`) or to a Parameter Store parameter the template does not make (`ssm`), anywhere in a
 * resource's properties except a secret sink (`SECRET_SINKS`): the value is copied where whoever
 * can read the resource (a `String` parameter, a tag, a description) reads it, out of the secret's
 * access control. `where` is `<path>#Resources.<Id>.Properties.<property path>`.
 */
export function dynamicReferenceRisks(params: {
  path: string;
  template: Record<string, unknown>;
}): RiskReason[] {
  const resources = isPlainObject(params.template['Resources']) ? params.template['Resources'] : {};
  const ownParameters = new Set(
    Object.values(resources).flatMap((resource) =>
      isPlainObject(resource) &&
      resource['Type'] === 'AWS::SSM::Parameter' &&
      isPlainObject(resource['Properties']) &&
      typeof resource['Properties']['Name'] === 'string'
        ? [resource['Properties']['Name']]
        : [],
    ),
  );
  const reasons: RiskReason[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || !isPlainObject(resource['Properties'])) continue;
    const type = typeof resource['Type'] === 'string' ? resource['Type'] : '';
    for (const [name, value] of Object.entries(resource['Properties'])) {
      if (SECRET_SINKS.get(type)?.has(name) === true) continue;
      for (const { at, read } of references(value, name))
        if (read.kind !== 'ssm' || !ownParameters.has(read.name))
          reasons.push({
            code: 'data-egress',
            where: `${params.path}#Resources.${logicalId}.Properties.${at}`,
            message: `${logicalId} (${type}) resolves ${read.kind === 'ssm' ? 'the Parameter Store parameter' : 'the secret'} "${read.name}" into ${at}, where whoever can read the resource reads it.`,
          });
    }
  }
  return reasons;
}

function references(value: unknown, at: string): { at: string; read: { kind: string; name: string } }[] {
  if (typeof value === 'string')
    return [...value.matchAll(REFERENCE)].map((match) => ({
      at,
      read: { kind: match[1] ?? '', name: match[2] ?? '' },
    }));
  if (Array.isArray(value)) return value.flatMap((item, index) => references(item, `${at}[${index}]`));
  if (isPlainObject(value))
    return Object.entries(value).flatMap(([key, item]) =>
      references(item, key.startsWith('Fn::') ? at : `${at}.${key}`),
    );
  return [];
}
