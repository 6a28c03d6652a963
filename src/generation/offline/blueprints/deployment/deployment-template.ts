import type { BlueprintInput } from '../../blueprint-input.js';
import { PRE_TRAFFIC_HOOK_ID, preTrafficHookPart } from '../../cfn/pre-traffic-hook-part.js';
import { lambdaFunctionPart } from '../../cfn/lambda-function-part.js';
import { renderTemplate } from '../../cfn/render-template.js';
import { standardParameters } from '../../cfn/standard-parameters.js';
import { trafficShiftingPart } from '../../cfn/traffic-shifting-part.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import type { DeploymentAsks } from './deployment-asks.js';
import { optionalAsked } from '../../coverage/asked-shift.js';

/** The deployment blueprint's release: always through CodeDeploy behind the `live` alias, gated by the pre-traffic hook. */
export function deploymentShifting(input: BlueprintInput, asks: DeploymentAsks): TrafficShifting {
  return trafficShiftingPart({
    functionId: 'ServiceFunction',
    slug: input.names.slug,
    ...(input.strategy === undefined ? {} : { strategy: input.strategy }),
    ...optionalAsked(input),
    preTrafficHookId: PRE_TRAFFIC_HOOK_ID,
    alwaysShift: true,
    ...(asks.latency === undefined ? {} : { latencyAlarmMs: asks.latency.thresholdMs }),
  });
}

/** The released function, its alias and CodeDeploy group, and the pre-traffic hook that probes each new version. */
export function deploymentTemplate(input: BlueprintInput, shifting: TrafficShifting): string {
  const { slug, pascal } = input.names;
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
      preTrafficHookPart({
        slug,
        functionId: 'ServiceFunction',
        description: `Probes each new ${pascal} version before CodeDeploy shifts traffic to it`,
        timeoutSeconds: 60,
      }),
      shifting.part,
    ],
  });
}
