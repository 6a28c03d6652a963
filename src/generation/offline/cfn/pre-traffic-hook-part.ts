import { ref, sub } from './intrinsics.js';
import { lambdaFunctionPart } from './lambda-function-part.js';
import type { TemplatePart } from './template-part.js';

/** Logical ID of the pre-traffic hook function; `trafficShiftingPart`'s `preTrafficHookId`. */
export const PRE_TRAFFIC_HOOK_ID = 'PreTrafficHookFunction';

/**
 * The CodeDeploy BeforeAllowTraffic hook of function `functionId` (released by `trafficShiftingPart`
 * with `preTrafficHookId: PRE_TRAFFIC_HOOK_ID`): a function running `src/pre-traffic-hook.ts`
 * (`PRE_TRAFFIC_HOOK_SOURCE`), told the version being released (`TARGET_VERSION_ARN`), that may
 * invoke that function's versions and report the hook's status to this stack's CodeDeploy
 * application (`codedeploy:PutLifecycleEventHookExecutionStatus`). The CloudFormation form of SAM's
 * `DeploymentPreference.Hooks.PreTraffic` (docs.aws.amazon.com, *Deploying serverless applications
 * gradually*; `AWS::Lambda::Alias` `CodeDeployLambdaAliasUpdate.BeforeAllowTrafficHook`).
 * `timeoutSeconds` must cover one run of what the hook checks (CodeDeploy waits up to an hour).
 */
export function preTrafficHookPart(params: {
  slug: string;
  functionId: string;
  description: string;
  timeoutSeconds: number;
}): TemplatePart {
  const fn = params.functionId;
  return lambdaFunctionPart({
    id: PRE_TRAFFIC_HOOK_ID,
    slug: params.slug,
    description: params.description,
    handler: 'pre-traffic-hook.handler',
    timeoutSeconds: params.timeoutSeconds,
    environment: { TARGET_VERSION_ARN: ref(`${fn}Version`) },
    statements: [
      { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: sub(`\${${fn}.Arn}:*`) },
      {
        Effect: 'Allow',
        Action: 'codedeploy:PutLifecycleEventHookExecutionStatus',
        // The group is named by the wildcard, not referenced: the group's role already depends on this hook.
        Resource: sub(
          'arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}:deploymentgroup:${CodeDeployApplication}/*',
        ),
      },
    ],
  });
}

/** The risk note of the hook's role, for a blueprint's `riskNotes`. */
export function preTrafficHookRiskNote(functionName: string): string {
  return `Creates an IAM role for the pre-traffic hook: invoke versions of the ${functionName} function and report hook status to this CodeDeploy application.`;
}
