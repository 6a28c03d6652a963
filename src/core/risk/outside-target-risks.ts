import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './is-own-resource.js';
import { isThisAccount, readTemplateValue } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import { valuesAtPath, type ValueAtPath } from './values-at-path.js';

/**
 * Properties that make a resource act on, or run, something the template must make itself to be
 * judged: an EventBridge rule's or schedule's target (a function, queue or state machine this change
 * does not hold runs with its own role on every event; a built-in target such as
 * `…:target/terminate-instances` stops, reboots or terminates instances, or snapshots volumes, named
 * in its input; AWS EventBridge User Guide, "Targets"), an event source mapping's source (Lambda
 * deletes each message it read from that queue; AWS Lambda Developer Guide, "Using Lambda with
 * Amazon SQS"), an instance's subnet (its public-IP setting is not seen), and a route table
 * association's subnet and route table (it reroutes every resource of an existing subnet).
 */
const MUST_BE_OWN: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['AWS::Events::Rule', [['Targets', '[]', 'Arn']]],
  ['AWS::Scheduler::Schedule', [['Target', 'Arn']]],
  ['AWS::Lambda::EventSourceMapping', [['EventSourceArn']]],
  ['AWS::EC2::Instance', [['SubnetId'], ['NetworkInterfaces', '[]', 'SubnetId']]],
  ['AWS::EC2::SubnetRouteTableAssociation', [['SubnetId'], ['RouteTableId']]],
]);

/**
 * `unseen-effect` for each value of `MUST_BE_OWN` that is not a resource of this template
 * (`isOwnResource`: a literal id or ARN, a parameter, an import), and for a Lambda function's
 * container image (`Code.ImageUri`) in an ECR registry not written as `${AWS::AccountId}`: code
 * another account chooses and may replace under the same tag (AWS Lambda Developer Guide,
 * "Cross-account permissions" for container images). `where` is `<file>#Resources.<Id>.Properties.<path>`.
 */
export function outsideTargetRisks(params: ResourceRiskInput): RiskReason[] {
  const { logicalId, type, context } = params;
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const reasons: RiskReason[] = [];
  for (const path of MUST_BE_OWN.get(type) ?? [])
    for (const { value, at } of valuesAtPath(properties, path).flatMap(ifBranches)) {
      if (value === undefined || isOwnResource(value, context) || isAwsDocument(value)) continue;
      reasons.push({
        code: 'unseen-effect',
        where: `${params.where}.Properties.${at}`,
        message: `${logicalId} (${type}) acts on ${describe(value)}, which this template does not make: what it changes or runs cannot be judged.`,
      });
    }
  if (type === 'AWS::Lambda::Function' && isPlainObject(properties['Code'])) {
    const image = properties['Code']['ImageUri'];
    if (image !== undefined && !inThisAccountRegistry(image, params))
      reasons.push({
        code: 'unseen-effect',
        where: `${params.where}.Properties.Code.ImageUri`,
        message: `${logicalId} (${type}) runs a container image from a registry not known to be this account's: code this change does not hold.`,
      });
  }
  return reasons;
}

/** Every value an `Fn::If` may take (nested ones too); `Ref: AWS::NoValue` is no value at all. */
function ifBranches(found: ValueAtPath): ValueAtPath[] {
  const { value, at } = found;
  if (!isPlainObject(value)) return [found];
  if (value['Ref'] === 'AWS::NoValue') return [];
  const choice = value['Fn::If'];
  if (!Array.isArray(choice) || choice.length !== 3) return [found];
  return [
    ...ifBranches({ value: choice[1], at: `${at}.Fn::If[1]` }),
    ...ifBranches({ value: choice[2], at: `${at}.Fn::If[2]` }),
  ];
}

/**
 * An SSM document AWS owns (`arn:aws:ssm:<region>::document/AWS-RunShellScript`): a Run Command
 * target, whose instances `fleetCommandRisks` judges.
 */
function isAwsDocument(value: unknown): boolean {
  return typeof value === 'string' && /^arn:[\w-]+:ssm:[\w-]*::document\/AWS-/.test(value);
}

function inThisAccountRegistry(value: unknown, params: ResourceRiskInput): boolean {
  const read = readTemplateValue(value, params.context);
  return read.known && read.texts.every((text) => isThisAccount(text.split('.')[0] ?? ''));
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : 'a value';
}
