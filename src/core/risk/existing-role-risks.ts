import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './is-own-resource.js';
import { readTemplateValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * Property names that hand a resource an IAM role or instance profile, at any depth: `Role`,
 * `ExecutionRoleArn`, `Targets[].RoleArn` (EventBridge), `Target.RoleArn` (Scheduler),
 * `IamRoles` (Redshift), `Roles` (Cognito identity pools), `Credentials` (API Gateway
 * integrations), `AuthorizerCredentials`, `CredentialsArn` (API Gateway v2), `IamInstanceProfile`
 * (EC2, launch templates), `InstanceProfileName`, `JobFlowRole` (EMR), `SnsCallerArn` (Cognito).
 */
const ROLE_KEY =
  /(Role|Roles|RoleArn|RoleArns|RoleARN|InstanceProfile|InstanceProfileArn|InstanceProfileName|SnsCallerArn)$|^(Authorizer)?Credentials(Arn)?$/;

/** Mappings whose keys are free names (tags, environment variables, labels), not property names. */
const FREE_KEYS = new Set(['Tags', 'Variables', 'DockerLabels']);

/**
 * An IAM role or instance profile ARN (IAM User Guide, "IAM ARNs"), alone or inside a longer text
 * (a state machine definition, an event target's JSON input).
 */
const ROLE_ARN = /arn:[^:"'\s]*:iam::[^:"'\s]*:(role|instance-profile)\//;

/**
 * Every place a resource uses an IAM role or instance profile this template does not make: a role
 * property (`ROLE_KEY`) at any depth whose value is not `Ref`/`Fn::GetAtt` of a resource of this
 * template (a literal ARN or name, a parameter, an import...), an Elastic Beanstalk option naming
 * one (`OptionName: IamInstanceProfile`), and a role ARN written anywhere else. That role's power
 * is not in the change, yet the resource (and the code it runs) gets it: iam:PassRole in effect
 * (IAM User Guide, "Grant a user permissions to pass a role to an AWS service"). Policy documents
 * are skipped: they are judged as policies, and so are IAM resources (`Roles` on an
 * `AWS::IAM::Policy` changes a role rather than using it; `iam-resource` already names them).
 * `where` is `<file>#Resources.<LogicalId>`.
 */
export function existingRoleRisks(params: ResourceRiskInput): RiskReason[] {
  if (params.type.startsWith('AWS::IAM::')) return [];
  const found = new Map<string, string>();
  const judge = (value: unknown, at: string, key: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => judge(item, `${at}[${index}]`, key));
    else if (isPlainObject(value) && !isIntrinsic(value))
      for (const [child, inner] of Object.entries(value))
        if (isPlainObject(inner) && !isIntrinsic(inner)) visit(inner, `${at}.${child}`);
        else judge(inner, `${at}.${child}`, key);
    else if (!isOwnResource(value, params.context)) found.set(at, key);
  };
  const visit = (value: unknown, at: string, freeKeys = false): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${at}[${index}]`));
    if (!isPlainObject(value))
      return namesRoleArn(value, params.context) ? void found.set(at, 'ARN') : undefined;
    if (isPolicyDocument(value)) return;
    if (isIntrinsic(value)) {
      // Read as a whole (a Sub building an ARN), then each argument (an ARN on one Fn::If branch).
      if (namesRoleArn(value, params.context)) found.set(at, 'ARN');
      else Object.entries(value).forEach(([name, argument]) => visit(argument, `${at}.${name}`));
      return;
    }
    const option = value['OptionName'];
    if (typeof option === 'string' && ROLE_KEY.test(option) && 'Value' in value)
      judge(value['Value'], `${at}.Value`, option);
    for (const [key, child] of Object.entries(value))
      if (!freeKeys && ROLE_KEY.test(key)) judge(child, `${at}.${key}`, key);
      else visit(child, `${at}.${key}`, FREE_KEYS.has(key));
  };
  visit(params.properties, `${params.where}.Properties`);
  return [...found].map(([where, key]) => ({
    code: 'unseen-effect',
    where,
    message: `${params.logicalId} (${params.type}) uses an IAM role or instance profile this change does not make (${key}); its permissions cannot be judged.`,
  }));
}

/** A literal or computed text that is an IAM role or instance profile ARN. */
function namesRoleArn(value: unknown, context: TemplateValueContext): boolean {
  if (typeof value !== 'string' && !isPlainObject(value)) return false;
  const read = readTemplateValue(value, context);
  return read.known && read.texts.some((text) => ROLE_ARN.test(text));
}

/** A mapping with a `Statement` and nothing but a policy's own keys. */
function isPolicyDocument(value: Record<string, unknown>): boolean {
  return (
    'Statement' in value && Object.keys(value).every((key) => ['Version', 'Id', 'Statement'].includes(key))
  );
}

function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] ?? '').startsWith('Fn::'));
}
