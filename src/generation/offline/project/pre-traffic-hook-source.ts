/**
 * What a blueprint's `src/pre-traffic.ts` exports for the shared hook entry (`PRE_TRAFFIC_HOOK_SOURCE`):
 * the hook's status and the dependencies `verifyNewVersion(deps)` takes, which must invoke the new
 * version through `invoke`, decide, and report once through `reportStatus`.
 */
export const PRE_TRAFFIC_CONTRACT = `export type HookStatus = 'Succeeded' | 'Failed';

export interface PreTrafficDependencies {
  /** Invokes the new version with a payload; resolves to its response text, rejects on a function error. */
  invoke: (payload: string) => Promise<string>;
  reportStatus: (status: HookStatus) => Promise<void>;
  log?: (entry: Record<string, unknown>) => void;
}
`;

/**
 * `src/pre-traffic-hook.ts` of a project released with a pre-traffic hook (`preTrafficHookPart`):
 * CodeDeploy's BeforeAllowTraffic entry, which hands the new version (TARGET_VERSION_ARN) to the
 * project's own `verifyNewVersion` (`src/pre-traffic.ts`, `PRE_TRAFFIC_CONTRACT`) with a Lambda
 * invoke that rejects on a function error, and reports its verdict with
 * `codedeploy:PutLifecycleEventHookExecutionStatus`.
 */
export const PRE_TRAFFIC_HOOK_SOURCE = `import { verifyNewVersion } from './pre-traffic';

/** What CodeDeploy sends a lifecycle hook. */
export interface LifecycleHookEvent {
  DeploymentId: string;
  LifecycleEventHookExecutionId: string;
}

/** CodeDeploy BeforeAllowTraffic hook: probes the version being released (TARGET_VERSION_ARN). */
export async function handler(event: LifecycleHookEvent): Promise<void> {
  const target = process.env['TARGET_VERSION_ARN'];
  const { LambdaClient, InvokeCommand } = await import('@aws-sdk/client-lambda');
  const { CodeDeployClient, PutLifecycleEventHookExecutionStatusCommand } = await import('@aws-sdk/client-codedeploy');
  const lambda = new LambdaClient({});
  const codeDeploy = new CodeDeployClient({});
  const reportStatus = async (status: 'Succeeded' | 'Failed'): Promise<void> => {
    await codeDeploy.send(
      new PutLifecycleEventHookExecutionStatusCommand({
        deploymentId: event.DeploymentId,
        lifecycleEventHookExecutionId: event.LifecycleEventHookExecutionId,
        status,
      }),
    );
  };
  if (target === undefined || target === '') {
    await reportStatus('Failed');
    throw new Error('environment variable TARGET_VERSION_ARN is not set');
  }
  await verifyNewVersion({
    reportStatus,
    invoke: async (payload) => {
      const result = await lambda.send(new InvokeCommand({ FunctionName: target, Payload: new TextEncoder().encode(payload) }));
      const text = new TextDecoder().decode(result.Payload ?? new Uint8Array());
      if (result.FunctionError !== undefined) throw new Error('function error: ' + text.slice(0, 500));
      return text;
    },
  });
}
`;
