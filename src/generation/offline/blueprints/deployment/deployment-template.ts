import type { BlueprintInput } from '../../blueprint-input.js';
import { ref, sub } from '../../cfn/intrinsics.js';
import { lambdaFunctionPart } from '../../cfn/lambda-function-part.js';
import { renderTemplate } from '../../cfn/render-template.js';
import { standardParameters } from '../../cfn/standard-parameters.js';
import { trafficShiftingPart } from '../../cfn/traffic-shifting-part.js';
import type { TemplatePart } from '../../cfn/template-part.js';

/** The released function; with canary, linear or blue-green also its alias, CodeDeploy group and pre-traffic hook. */
export function deploymentTemplate(input: BlueprintInput, withHook: boolean): string {
  const { slug, pascal } = input.names;
  const shifting = trafficShiftingPart({
    functionId: 'ServiceFunction',
    slug,
    ...(input.strategy === undefined ? {} : { strategy: input.strategy }),
    ...(withHook ? { preTrafficHookId: 'PreTrafficHookFunction' } : {}),
  });
  const hookParts: TemplatePart[] = withHook
    ? [
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
      ]
    : [];
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
