import type { BlueprintInput } from '../../blueprint-input.js';
import { ref, sub } from '../../cfn/intrinsics.js';
import { lambdaFunctionPart } from '../../cfn/lambda-function-part.js';
import { renderTemplate } from '../../cfn/render-template.js';
import { standardParameters } from '../../cfn/standard-parameters.js';
import { trafficShiftingPart } from '../../cfn/traffic-shifting-part.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import type { DeploymentAsks } from './deployment-asks.js';
import type { TemplatePart } from '../../cfn/template-part.js';
import { optionalAsked } from '../../coverage/asked-shift.js';

/** The deployment blueprint's release: always through CodeDeploy behind the `live` alias, gated by the pre-traffic hook. */
export function deploymentShifting(input: BlueprintInput, asks: DeploymentAsks): TrafficShifting {
  return trafficShiftingPart({
    functionId: 'ServiceFunction',
    slug: input.names.slug,
    ...(input.strategy === undefined ? {} : { strategy: input.strategy }),
    ...optionalAsked(input),
    preTrafficHookId: 'PreTrafficHookFunction',
    alwaysShift: true,
    ...(asks.latency === undefined ? {} : { latencyAlarmMs: asks.latency.thresholdMs }),
  });
}

/** The released function, its alias and CodeDeploy group, and the pre-traffic hook that probes each new version. */
export function deploymentTemplate(input: BlueprintInput, shifting: TrafficShifting): string {
  const { slug, pascal } = input.names;
  const hookParts: TemplatePart[] = [
    lambdaFunctionPart({
      id: 'PreTrafficHookFunction',
      slug,
      description: `Probes each new ${pascal} version before CodeDeploy shifts traffic to it`,
      handler: 'pre-traffic-hook.handler',
      timeoutSeconds: 60,
      environment: { TARGET_VERSION_ARN: ref('ServiceFunctionVersion') },
      statements: [
        { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: sub('${ServiceFunction.Arn}:*') },
        {
          Effect: 'Allow',
          Action: 'codedeploy:PutLifecycleEventHookExecutionStatus',
          // The group is named by the wildcard, not referenced: the group's role already depends on this hook.
          Resource: sub(
            'arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}:deploymentgroup:${CodeDeployApplication}/*',
          ),
        },
      ],
    }),
  ];
  return renderTemplate({
    description: `${pascal}: Lambda service released ${input.strategy ?? 'all-at-once'} (deployment blueprint, implementation-agent)`,
    parts: [
      standardParameters({ environment: input.environment, withFunctionCode: true }),
      lambdaFunctionPart({
        id: 'ServiceFunction',
        slug,
        description: `${pascal} service`,
        handler: 'handler.handler',
      }),
      ...hookParts,
      shifting.part,
    ],
  });
}
