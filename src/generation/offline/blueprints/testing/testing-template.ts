import type { BlueprintInput } from '../../blueprint-input.js';
import { alarmResource } from '../../cfn/alarm-resource.js';
import { getAtt, ref } from '../../cfn/intrinsics.js';
import { lambdaFunctionPart } from '../../cfn/lambda-function-part.js';
import { preTrafficHookPart } from '../../cfn/pre-traffic-hook-part.js';
import { renderTemplate } from '../../cfn/render-template.js';
import { standardParameters } from '../../cfn/standard-parameters.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import type { ChecksAlarmWindow } from './checks-alarm-window.js';

export interface TestingTemplateParams {
  readonly input: BlueprintInput;
  readonly namespace: string;
  readonly canary: string;
  readonly shifting: TrafficShifting;
  /** The EventBridge schedule expression ScheduleExpression defaults to. */
  readonly schedule: string;
  /** Failed runs in a row the alarm waits for, one period each; absent: the first failure alarms. */
  readonly inARow?: { readonly count: number; readonly periodSeconds: number };
  /** The alarm's period for one failure, and whether an empty period (the canary silent) alarms. */
  readonly window: ChecksAlarmWindow;
}

/** The canary function's timeout (seconds): its checks run one at a time, each aborted after 10 s. */
const CANARY_TIMEOUT_SECONDS = 60;

/**
 * A scheduled canary function and an alarm on failed (or missing) check results; when its releases
 * shift traffic (`shifting.configName`), the pre-traffic hook that runs the new version's checks once.
 */
export function testingTemplate({
  input,
  namespace,
  canary,
  shifting,
  schedule,
  inARow,
  window,
}: TestingTemplateParams): string {
  const { slug, pascal } = input.names;
  return renderTemplate({
    description: `${pascal}: scheduled synthetic checks with an alarm (testing blueprint, implementation-agent)`,
    parts: [
      standardParameters({ environment: input.environment, withFunctionCode: true }),
      {
        parameters: {
          TargetBaseUrl: {
            Type: 'String',
            AllowedPattern: '^https?://[^\\s]+$',
            Description: 'Base URL the checks request, e.g. the API URL output of the target stack',
          },
          ScheduleExpression: {
            Type: 'String',
            Default: schedule,
            Description: 'How often the checks run (EventBridge schedule expression)',
          },
        },
      },
      lambdaFunctionPart({
        id: 'CanaryFunction',
        slug,
        description: `${pascal} synthetic checks`,
        handler: 'handler.handler',
        timeoutSeconds: CANARY_TIMEOUT_SECONDS,
        environment: { TARGET_BASE_URL: ref('TargetBaseUrl') },
      }),
      ...(shifting.configName === undefined
        ? []
        : [
            preTrafficHookPart({
              slug,
              functionId: 'CanaryFunction',
              description: `Runs the checks of each new ${pascal} canary version once before CodeDeploy shifts traffic to it`,
              // The new version's whole run, and the calls around it.
              timeoutSeconds: CANARY_TIMEOUT_SECONDS + 30,
            }),
          ]),
      shifting.part,
      {
        resources: {
          CanarySchedule: {
            Type: 'AWS::Events::Rule',
            Properties: {
              Description: `Runs the ${pascal} synthetic checks`,
              ScheduleExpression: ref('ScheduleExpression'),
              State: 'ENABLED',
              Targets: [{ Id: 'canary', Arn: shifting.invokeArn() }],
            },
          },
          CanaryInvokePermission: {
            Type: 'AWS::Lambda::Permission',
            Properties: {
              Action: 'lambda:InvokeFunction',
              FunctionName: shifting.invokeArn(),
              Principal: 'events.amazonaws.com',
              SourceArn: getAtt('CanarySchedule', 'Arn'),
            },
          },
          ChecksFailedAlarm: alarmResource({
            slug,
            description: `${pascal} synthetic checks failed${window.silenceAlarms ? ', or stopped reporting' : ''}`,
            namespace,
            metricName: 'ChecksFailed',
            dimensions: [{ Name: 'Canary', Value: canary }],
            threshold: 0,
            periodSeconds: inARow?.periodSeconds ?? window.periodSeconds,
            ...(inARow === undefined ? {} : { periodsInARow: inARow.count }),
            treatMissingData: window.silenceAlarms ? 'breaching' : 'notBreaching',
          }),
        },
        outputs: {
          ChecksFailedAlarmName: {
            Description: 'Alarm raised when a check fails',
            Value: ref('ChecksFailedAlarm'),
          },
        },
      },
    ],
  });
}
