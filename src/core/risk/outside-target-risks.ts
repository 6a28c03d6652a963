import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './is-own-resource.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import { valuesAtPath, type ValueAtPath } from './values-at-path.js';

/**
 * Properties that name the resource this one acts on, runs, or attaches to, which the template must
 * make itself to be judged (AWS CloudFormation Template Reference for each type):
 * - what it runs: an EventBridge rule's or schedule's target (a function, queue or state machine
 *   this change does not hold runs with its own role on every event; a built-in target such as
 *   `…:target/terminate-instances` stops, reboots or terminates instances, or snapshots volumes,
 *   named in its input; AWS EventBridge User Guide, "Targets"), an event source mapping's source
 *   (Lambda deletes each message it read from that queue; AWS Lambda Developer Guide, "Using Lambda
 *   with Amazon SQS") and function (code this change does not hold, fed the source's data), a
 *   secret's rotation (its value changes under whoever reads it);
 * - what it rewrites: a bucket, topic or queue policy replaces the whole policy of each bucket,
 *   topic or queue it names (S3 `PutBucketPolicy`, SNS `SetTopicAttributes`, SQS
 *   `SetQueueAttributes`), a WAF logging configuration replaces the web ACL's;
 * - what it reaches through: an API integration's VPC link (`ConnectionId`: a link into a network
 *   the change does not show);
 * - what it attaches to and so changes: an HTTP API's integration, route or stage (a `$default`
 *   route catches every request no other route matches), a load balancer's listener (a new port
 *   on it) and the target groups it forwards to (a service made reachable from wherever the
 *   balancer is), a Lambda function's permission, URL, alias or version, a log group's metric
 *   filter, a topic's subscription, a CodeDeploy application's deployment group, an Aurora
 *   cluster's instance (a new reader of its data);
 * - where it is placed when that decides who reaches it: an instance's subnet (its public-IP
 *   setting is not seen), and a route table association's subnet and route table (it reroutes
 *   every resource of an existing subnet).
 * A resource placed in an existing VPC (a subnet, security group, route table or target group's
 * `VpcId`) changes nothing the VPC already does, and is not listed; nor are a rule's `EventBusName`
 * and an alias's `TargetKeyId`, since the `default` bus and this account's keys are normal: they are
 * judged by the account they are in (`foreignPlacementRisks`).
 */
const MUST_BE_OWN: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['AWS::Events::Rule', [['Targets', '[]', 'Arn']]],
  ['AWS::Scheduler::Schedule', [['Target', 'Arn']]],
  ['AWS::Lambda::EventSourceMapping', [['EventSourceArn'], ['FunctionName']]],
  ['AWS::EC2::Instance', [['SubnetId'], ['NetworkInterfaces', '[]', 'SubnetId']]],
  ['AWS::EC2::SubnetRouteTableAssociation', [['SubnetId'], ['RouteTableId']]],
  ['AWS::S3::BucketPolicy', [['Bucket']]],
  ['AWS::SNS::TopicPolicy', [['Topics', '[]']]],
  ['AWS::SQS::QueuePolicy', [['Queues', '[]']]],
  ['AWS::WAFv2::LoggingConfiguration', [['ResourceArn']]],
  ['AWS::SecretsManager::RotationSchedule', [['SecretId']]],
  ['AWS::ApiGatewayV2::Integration', [['ApiId'], ['ConnectionId']]],
  ['AWS::ApiGatewayV2::Route', [['ApiId']]],
  ['AWS::ApiGatewayV2::Stage', [['ApiId']]],
  ['AWS::ApiGateway::Method', [['RestApiId'], ['Integration', 'ConnectionId']]],
  ['AWS::ApiGateway::Resource', [['RestApiId']]],
  [
    'AWS::ElasticLoadBalancingV2::Listener',
    [
      ['LoadBalancerArn'],
      ['DefaultActions', '[]', 'TargetGroupArn'],
      ['DefaultActions', '[]', 'ForwardConfig', 'TargetGroups', '[]', 'TargetGroupArn'],
    ],
  ],
  ['AWS::Lambda::Permission', [['FunctionName']]],
  ['AWS::Lambda::Url', [['TargetFunctionArn']]],
  ['AWS::Lambda::Alias', [['FunctionName']]],
  ['AWS::Lambda::Version', [['FunctionName']]],
  ['AWS::Logs::MetricFilter', [['LogGroupName']]],
  ['AWS::SNS::Subscription', [['TopicArn']]],
  ['AWS::CodeDeploy::DeploymentGroup', [['ApplicationName']]],
  ['AWS::RDS::DBInstance', [['DBClusterIdentifier']]],
]);

/**
 * `unseen-effect` for each value of `MUST_BE_OWN` that is not a resource of this template
 * (`isOwnResource`: a literal id or ARN, a parameter, an import). The code a function runs is
 * judged by `codeSourceRisks`, the bus a rule is on and the key an alias names by
 * `foreignPlacementRisks`.
 * `where` is `<file>#Resources.<Id>.Properties.<path>`.
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
        message: `${logicalId} (${type}) acts on or attaches to ${describe(value)}, which this template does not make: what it changes or runs there cannot be judged.`,
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

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : 'a value';
}
