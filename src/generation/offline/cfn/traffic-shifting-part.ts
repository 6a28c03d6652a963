import type { DeploymentStrategy } from '../../../core/request/execution-request.js';
import { alarmResource } from './alarm-resource.js';
import type { RequestedShift } from '../coverage/requested-shift.js';
import { CUSTOM_CONFIG_ID, releaseConfig } from './release-config.js';
import type { TrafficShift } from './shift-of-config.js';
import { getAtt, ifCondition, noValue, ref, sub } from './intrinsics.js';
import type { TemplateMap, TemplateValue } from './intrinsics.js';
import { standardTags } from './standard-tags.js';
import type { TemplatePart } from './template-part.js';

export interface TrafficShiftingParams {
  /** Logical ID of the function whose releases are shifted. */
  readonly functionId: string;
  readonly slug: string;
  readonly strategy?: DeploymentStrategy;
  /** The percentage and interval the request spells out (see askedShift): the config is the one that makes them. */
  readonly asked?: RequestedShift;
  /** Logical ID of a function CodeDeploy runs before shifting any traffic. */
  readonly preTrafficHookId?: string;
  /** Release through CodeDeploy even for all-at-once (as CodeDeployDefault.LambdaAllAtOnce), so the hook always runs. */
  readonly alwaysShift?: boolean;
  /** Also stop and roll back a release when the alias's p99 duration stays above this many milliseconds. */
  readonly latencyAlarmMs?: number;
}

export interface TrafficShifting {
  readonly part: TemplatePart;
  /**
   * What callers (API integrations, event sources, schedules) should invoke: the alias when shifting,
   * else the function. A fresh node per call, since a node used twice would be written as a YAML alias.
   */
  readonly invokeArn: () => TemplateValue;
  /** The CodeDeploy config in use, when traffic is shifted: a predefined name, or CUSTOM_CONFIG_ID. */
  readonly configName?: string;
  /** How that config moves traffic; with no configName, all at once (updated in place). */
  readonly shift: TrafficShift;
}

export const ALIAS_NAME = 'live';
export const ALL_AT_ONCE_CONFIG = 'CodeDeployDefault.LambdaAllAtOnce';

/**
 * With canary, linear or blue-green: a published version behind a `live` alias whose updates go
 * through a CodeDeploy deployment group, rolled back automatically when the alias's error alarm fires.
 * Otherwise the plain function is invoked directly and updated in place, with an error alarm to watch.
 */
export function trafficShiftingPart(params: TrafficShiftingParams): TrafficShifting {
  const { functionId: fn, slug } = params;
  const config =
    releaseConfig({
      strategy: params.strategy,
      ...(params.asked === undefined ? {} : { asked: params.asked }),
    }) ??
    (params.alwaysShift === true
      ? { name: ALL_AT_ONCE_CONFIG, shift: { mode: 'all-at-once' as const, percent: 100, minutes: 0 } }
      : undefined);
  if (config === undefined) {
    return {
      part: { resources: { [`${fn}ErrorAlarm`]: functionErrorAlarm(fn, slug) } },
      invokeArn: () => getAtt(fn, 'Arn'),
      shift: { mode: 'all-at-once', percent: 100, minutes: 0 },
    };
  }
  const configName = config.name;

  const hook = params.preTrafficHookId;
  const aliasUpdate: TemplateMap = {
    ApplicationName: ref('CodeDeployApplication'),
    DeploymentGroupName: ref(`${fn}DeploymentGroup`),
    ...(hook === undefined ? {} : { BeforeAllowTrafficHook: ref(hook) }),
  };
  const resources: TemplateMap = {
    // A new key means new code; changing the description makes CloudFormation publish a new version.
    [`${fn}Version`]: {
      Type: 'AWS::Lambda::Version',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { FunctionName: ref(fn), Description: sub('Code ${CodeS3Key}') },
    },
    [`${fn}Alias`]: {
      Type: 'AWS::Lambda::Alias',
      UpdatePolicy: { CodeDeployLambdaAliasUpdate: aliasUpdate },
      Properties: {
        FunctionName: ref(fn),
        FunctionVersion: getAtt(`${fn}Version`, 'Version'),
        Name: ALIAS_NAME,
      },
    },
    [`${fn}ErrorAlarm`]: alarmResource({
      slug,
      description: `Errors on the ${ALIAS_NAME} alias of ${fn}; stops and rolls back a CodeDeploy release`,
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimensions: [
        { Name: 'FunctionName', Value: ref(fn) },
        { Name: 'Resource', Value: sub(`\${${fn}}:${ALIAS_NAME}`) },
      ],
      threshold: 0,
      periodSeconds: 60,
    }),
    ...(params.latencyAlarmMs === undefined
      ? {}
      : { [`${fn}LatencyAlarm`]: latencyAlarm({ fn, slug, thresholdMs: params.latencyAlarmMs }) }),
    ...(config.custom === undefined ? {} : { [CUSTOM_CONFIG_ID]: config.custom }),
    CodeDeployApplication: {
      Type: 'AWS::CodeDeploy::Application',
      Properties: { ComputePlatform: 'Lambda', Tags: standardTags(slug) },
    },
    CodeDeployServiceRole: codeDeployServiceRole(slug, hook),
    [`${fn}DeploymentGroup`]: {
      Type: 'AWS::CodeDeploy::DeploymentGroup',
      Properties: {
        ApplicationName: ref('CodeDeployApplication'),
        ServiceRoleArn: getAtt('CodeDeployServiceRole', 'Arn'),
        DeploymentConfigName: config.custom === undefined ? configName : ref(CUSTOM_CONFIG_ID),
        DeploymentStyle: { DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' },
        AlarmConfiguration: {
          Enabled: true,
          Alarms: [
            { Name: ref(`${fn}ErrorAlarm`) },
            ...(params.latencyAlarmMs === undefined ? [] : [{ Name: ref(`${fn}LatencyAlarm`) }]),
          ],
        },
        AutoRollbackConfiguration: {
          Enabled: true,
          Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'],
        },
        Tags: standardTags(slug),
      },
    },
  };
  return {
    part: {
      resources,
      outputs: {
        [`${fn}AliasArn`]: {
          Description: `ARN of the ${ALIAS_NAME} alias callers invoke`,
          Value: ref(`${fn}Alias`),
        },
        CodeDeployApplicationName: {
          Description: 'CodeDeploy application that shifts traffic',
          Value: ref('CodeDeployApplication'),
        },
      },
    },
    invokeArn: () => ref(`${fn}Alias`),
    configName,
    shift: config.shift,
  };
}

/** AWS's managed Lambda deployment policy, plus permission to run this stack's own hook (whatever its name). */
function codeDeployServiceRole(slug: string, hook: string | undefined): TemplateMap {
  const hookPolicy =
    hook === undefined
      ? {}
      : {
          Policies: [
            {
              PolicyName: 'invoke-pre-traffic-hook',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: getAtt(hook, 'Arn') },
                ],
              },
            },
          ],
        };
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: 'Lets CodeDeploy shift alias traffic and run the release hooks',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'codedeploy.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      },
      ManagedPolicyArns: [
        sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda'),
      ],
      ...hookPolicy,
      Tags: standardTags(slug),
    },
  };
}

function functionErrorAlarm(fn: string, slug: string): TemplateMap {
  return alarmResource({
    slug,
    description: `Errors in ${fn}`,
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimensions: [{ Name: 'FunctionName', Value: ref(fn) }],
    threshold: 0,
    periodSeconds: 300,
  });
}

/** p99 duration of the live alias above the threshold for three minutes in a row. */
function latencyAlarm(params: { fn: string; slug: string; thresholdMs: number }): TemplateMap {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: `p99 latency of the ${ALIAS_NAME} alias of ${params.fn} above ${params.thresholdMs} ms; stops and rolls back a CodeDeploy release`,
      Namespace: 'AWS/Lambda',
      MetricName: 'Duration',
      Dimensions: [
        { Name: 'FunctionName', Value: ref(params.fn) },
        { Name: 'Resource', Value: sub(`\${${params.fn}}:${ALIAS_NAME}`) },
      ],
      ExtendedStatistic: 'p99',
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: params.thresholdMs,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: ifCondition('HasAlarmTopic', [ref('AlarmTopicArn')], noValue()),
      Tags: standardTags(params.slug),
    },
  };
}
