import { setTimeout as delay } from 'node:timers/promises';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { S3Client } from '@aws-sdk/client-s3';
import { createAwsClient } from '../../aws/create-aws-client.js';
import { createCommandRunner } from '../../packaging/command-runner.js';
import { packageFunctionCode } from '../../pipeline/deploy-run/package-function-code.js';
import { uploadRepositoryCode } from '../../pipeline/deploy-run/upload-repository-code.js';
import { lockStoreForConfig } from '../../aws/dynamodb/lock-store-for-config.js';
import { formatConfigProblems } from '../../core/config/parse-agent-config.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import { createFilesystemDeploymentStore } from '../../filesystem/filesystem-deployment-store.js';
import { setDeploymentStatus } from '../../github/set-deployment-status.js';
import type { TaskClient } from '../../github/task-client.js';
import type { StatusTrust } from '../../github/status-trust.js';
import { mirrorStoresForConfig } from '../../pipeline/mirror/mirror-stores-for-config.js';
import { readDeployEvent } from '../../pipeline/deploy-run/deploy-event.js';
import { deploymentEndedAs } from '../../pipeline/deploy-run/deployment-ended-as.js';
import { endDeploymentOnCrash } from '../../pipeline/deploy-run/end-deployment-on-crash.js';
import { runDeployment, type DeploymentOutcome } from '../../pipeline/deploy-run/run-deployment.js';
import { verifyDeployment } from '../../pipeline/deploy-run/verify-deployment.js';
import { deployRunAuthority } from '../../core/deploy/deploy-run-authority.js';
import { DEPLOY_RUN_IDENTITY } from '../../core/deploy/is-agent-deployment.js';
import type { ControlOutcome } from '../../pipeline/deploy-run/run-control-request.js';
import type { DeployInputs } from './action-io.js';
import { mainControl } from './main-control.js';
import { settleWithin } from '../../pipeline/task/connected-status-board.js';

/**
 * `mode: deploy`: 1. read the deployment event (or a `/cancel`, `/unlock` dispatch); 2. verify it is
 * the agent's (its creator, and with `marker-secret` its signed, never-used payload), else end it
 * `error` touching nothing; 3. skip a deployment that already ended (a re-run job delivers its event
 * again); 4. read the rules from the default branch's config (a pull request cannot loosen its own
 * rules); 5. open the mirrors it names (deployments bucket, task tables); 6. carry the deployment
 * out, moving the task's deploy state.
 */
export async function mainDeploy(params: {
  inputs: DeployInputs;
  client: TaskClient;
  /** Judges and signs the task's status comment; absent: the comment is not edited. */
  trust?: StatusTrust;
  event: { name: string; payload: unknown };
  logUrl?: string;
  log: (line: string) => void;
  /**
   * `GITHUB_REPOSITORY_ID`: must equal the deployment event's `repository.id` (a run of another
   * repository's event is refused); absent (a local run), the event's is used.
   */
  repositoryId?: number | undefined;
}): Promise<
  | DeploymentOutcome
  | ControlOutcome
  | { status: 'invalid_config' | 'failed'; message: string }
  | { status: 'ignored'; reason: string }
> {
  // `/cancel` and `/unlock` reach the deploy workflow as a dispatch; everything else is a deployment.
  if (params.event.name === 'repository_dispatch')
    return mainControl({ ...params, agentLogins: params.inputs['agent-login'] });
  const deployEvent = readDeployEvent(params.event);
  if ('problem' in deployEvent) return { status: 'failed', message: deployEvent.problem };
  const { owner, repo } = deployEvent.repository;
  if (params.repositoryId !== undefined && params.repositoryId !== deployEvent.repositoryId) {
    const message = `The deployment event names repository ${deployEvent.repositoryId}, not this workflow's (${params.repositoryId}): nothing is deployed.`;
    params.log(message);
    return { status: 'failed', message };
  }
  const logUrl = params.logUrl === undefined ? {} : { logUrl: params.logUrl };
  const guard = { client: params.client, event: deployEvent, ...logUrl };
  const { trust } = params;
  const authority = deployRunAuthority({
    identity:
      trust === undefined ? DEPLOY_RUN_IDENTITY : await endDeploymentOnCrash(guard, () => trust.identity()),
    agentLogins: params.inputs['agent-login'],
    markerKeys: params.trust?.keys,
    repositoryId: deployEvent.repositoryId,
  });
  const verdict = await endDeploymentOnCrash(guard, () =>
    verifyDeployment({ client: params.client, event: deployEvent, authority }),
  );
  if (!verdict.accepted) {
    params.log(verdict.refusal);
    await setDeploymentStatus({
      client: params.client,
      owner,
      repo,
      deploymentId: deployEvent.deploymentId,
      state: 'error',
      description: verdict.refusal,
      ...logUrl,
    });
    return { status: 'failed', message: verdict.refusal };
  }
  if (verdict.warning !== undefined) params.log(`::warning::${verdict.warning}`);
  const ended = await endDeploymentOnCrash({ client: params.client, event: deployEvent, ...logUrl }, () =>
    deploymentEndedAs({ client: params.client, owner, repo, deploymentId: deployEvent.deploymentId }),
  );
  if (ended !== undefined) {
    const reason = `deployment ${deployEvent.deploymentId} already ended (${ended}); a re-run deploys nothing again. To deploy, comment /deploy ${deployEvent.environment}.`;
    params.log(reason);
    return { status: 'ignored', reason };
  }
  // A config that cannot be read (a 403, GitHub down) still ends the deployment, with `error`.
  const configResult = await endDeploymentOnCrash(
    { client: params.client, event: deployEvent, ...logUrl },
    () => readAgentConfig({ client: params.client, owner, repo }),
  );
  if (!configResult.ok) {
    const message = formatConfigProblems(configResult.problems);
    await setDeploymentStatus({
      client: params.client,
      owner,
      repo,
      deploymentId: deployEvent.deploymentId,
      state: 'failure',
      description: `.github/implementation-agent.yml cannot be used; see the run log`,
      ...logUrl,
    });
    return { status: 'invalid_config', message };
  }
  const lockStore = lockStoreForConfig(configResult.config);
  const storeDir = params.inputs['deployments-dir'];
  const config = configResult.config;
  // A stand-in (moto) named by AWS_ENDPOINT_URL serves buckets by path: the stores must know it.
  const endpoint = process.env['AWS_ENDPOINT_URL'];
  const mirrors = mirrorStoresForConfig({ config, ...(endpoint ? { aws: { endpoint } } : {}) });
  // The deployments bucket when configured (hosted runners keep nothing), else the local folder.
  const deploymentStore =
    mirrors.deployments ?? (storeDir === undefined ? undefined : createFilesystemDeploymentStore(storeDir));
  const pollMs = params.inputs['poll-interval-ms'];
  // Not the artifacts store: the deploy role may not write it (DeployTaskRecording).
  const { artifacts: _artifacts, ...deployRunMirrors } = mirrors;
  try {
    return await runDeployment({
      client: params.client,
      cloudFormationFor: (region) => createAwsClient(CloudFormationClient, { region }),
      codeDeployFor: (region) => createAwsClient(CodeDeployClient, { region }),
      cloudWatchFor: (region) => createAwsClient(CloudWatchClient, { region }),
      ...(lockStore === undefined ? {} : { lockStore }),
      ...(deploymentStore === undefined ? {} : { deploymentStore }),
      recording: {
        mirrors: deployRunMirrors,
        ...(params.trust === undefined ? {} : { trust: params.trust }),
        ...(verdict.proof === undefined ? {} : { verified: verdict.proof }),
        settle: settleWithin(pollMs),
      },
      ...(pollMs === undefined ? {} : { pollBackoff: { initialDelayMs: pollMs, maxDelayMs: pollMs } }),
      event: deployEvent,
      config,
      authority,
      ...(verdict.warning === undefined ? {} : { unsignedWarning: verdict.warning }),
      prepareParameters: (input) =>
        packageFunctionCode({
          ...input,
          config,
          workspace: process.env['GITHUB_WORKSPACE'],
          s3For: (region) => createAwsClient(S3Client, { region }),
          run: createCommandRunner(),
          log: params.log,
        }),
      packageCode: ({ event, payload, request }) =>
        uploadRepositoryCode({
          request,
          sha: event.sha,
          environment: event.environment,
          region: payload.region,
          repository: `${owner}/${repo}`,
          config,
          workspace: process.env['GITHUB_WORKSPACE'],
          s3: createAwsClient(S3Client, { region: payload.region }),
          run: createCommandRunner(),
          log: params.log,
        }),
      timeoutMs: params.inputs['deploy-timeout-minutes'] * 60_000,
      ...logUrl,
      sleep: (ms) => delay(ms),
      now: () => Date.now(),
      log: params.log,
    });
  } finally {
    mirrors.close();
  }
}
