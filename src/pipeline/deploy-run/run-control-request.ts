import type { CloudFormationApi } from '../../aws/cloudformation/cloudformation-api.js';
import { cancelStackUpdate } from '../../aws/cloudformation/cancel-stack-update.js';
import { withholdingCloudFormation } from '../../aws/cloudformation/withholding-cloudformation.js';
import { noEchoWithholding } from '../../core/cfn/no-echo-withholding.js';
import type { DeployLockStore } from '../../core/stores/deploy-lock-store.js';
import { describeLockHolder } from '../../aws/dynamodb/describe-lock-holder.js';
import { deploymentPayloadSchema, type DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import type { ControlRequest } from '../../core/deploy/control-request.js';
import type { DeploymentAuthority } from '../../core/deploy/is-agent-deployment.js';
import { postComment } from '../../github/post-comment.js';
import { readDeploymentHistory, type DeploymentHistoryClient } from '../../github/read-deployment-history.js';
import type { StatusCommentClient } from '../../github/status-comment.js';
import type { RepositoryRef } from '../events/task-event.js';

export type ControlOutcome = { readonly status: 'answered'; readonly message: string };

/**
 * `/cancel <env>`: stop the update the environment's running deployment started (its own run then
 * ends it as cancelled); only the agent's own deployments count (`authority`, see
 * `isAgentDeployment`), so a hand-made deployment left `in_progress` with another stack in its
 * payload never turns a maintainer's `/cancel staging` against that stack. AWS's answers and errors
 * pass the same withholding as the deploy's (`noEchoWithholding`, `withholdingCloudFormation`): the
 * values the running deployment passes to its template's NoEcho parameters never reach the answer
 * or a thrown error; a template `readTemplate` cannot give withholds every value the payload passes.
 * `/unlock <env>`: remove the environment's deploy lock. The answer goes back where the command was
 * written.
 */
export async function runControlRequest(params: {
  client: DeploymentHistoryClient & Pick<StatusCommentClient, 'issues'>;
  repository: RepositoryRef;
  request: ControlRequest;
  authority: DeploymentAuthority;
  cloudFormationFor: (region: string) => CloudFormationApi;
  /**
   * The template the running deployment deploys (its `template_path` at `checked_sha`), to tell its
   * NoEcho parameters; `undefined` or a throw: not known, every parameter value is withheld.
   */
  readTemplate?: (payload: DeploymentPayload) => Promise<string | undefined>;
  lockStore?: DeployLockStore;
  now: () => number;
}): Promise<ControlOutcome> {
  const { request } = params;
  const message = request.command === 'cancel' ? await cancel(params) : await unlock(params);
  const { owner, repo } = params.repository;
  await postComment({ client: params.client, owner, repo, issueNumber: request.issue_number, body: message });
  return { status: 'answered', message };
}

async function cancel(params: Parameters<typeof runControlRequest>[0]): Promise<string> {
  const { owner, repo } = params.repository;
  const { environment } = params.request;
  const history = await readDeploymentHistory({
    client: params.client,
    owner,
    repo,
    filter: { environment },
    authority: params.authority,
  });
  const running = history.records.find((record) => record.latestState === 'in_progress');
  if (!running) return `Nothing is deploying to **${environment}** right now, so there is nothing to cancel.`;
  if (startedAfter(running.createdAt, params.request)) {
    return `Deployment ${running.id} to **${environment}** started after \`/cancel ${environment}\` was given, so it was left running; give the command again to stop it.`;
  }
  const payload = deploymentPayloadSchema.safeParse(history.payloadOf(running.id));
  if (!payload.success)
    return `Deployment ${running.id} to **${environment}** was not made by implementation-agent; cancel it where it was started.`;
  const { withhold } = noEchoWithholding({
    template: await templateOf(params, payload.data),
    parameters: payload.data.parameters,
  });
  const cancellation = await cancelStackUpdate({
    cfn: withholdingCloudFormation(params.cloudFormationFor(payload.data.region), withhold),
    stackName: payload.data.stack_name,
  });
  return `${cancellation.kind === 'cancel-requested' ? '⏹️' : 'ℹ️'} Deployment ${running.id} to **${environment}**: ${withhold(cancellation.message)}`;
}

/** The running deployment's template, or `undefined` when it cannot be read (logged nowhere: it only widens the withholding). */
async function templateOf(
  params: Parameters<typeof runControlRequest>[0],
  payload: DeploymentPayload,
): Promise<string | undefined> {
  if (params.readTemplate === undefined || Object.keys(payload.parameters).length === 0) return undefined;
  try {
    return await params.readTemplate(payload);
  } catch {
    return undefined;
  }
}

async function unlock(params: Parameters<typeof runControlRequest>[0]): Promise<string> {
  const { environment } = params.request;
  if (!params.lockStore) {
    return `No lock table is configured (\`mirrors.locks_table\`), so **${environment}** has no lock to release; the workflow's concurrency group runs its deploys one at a time.`;
  }
  const { owner, repo } = params.repository;
  const key = { repository: `${owner}/${repo}`, environment };
  if (params.request.issued_at !== undefined) {
    // A signed request (re-run or replayed within its window, or delayed in the queue) releases
    // only the lock that was there when it was given, by that lock's own token.
    const held = await params.lockStore.current(key);
    if (!held) return `**${environment}** was not locked.`;
    if (startedAfter(held.acquiredAt, params.request)) {
      return `The lock on **${environment}** was taken after \`/unlock ${environment}\` was given, so it was kept; give the command again to release it. It is: ${describeLockHolder(held, params.now())}`;
    }
    const released = await params.lockStore.release({ ...key, token: held.token });
    return released === 'released'
      ? `🔓 Released the lock on **${environment}** for @${params.request.requested_by}. It was: ${describeLockHolder(held, params.now())}`
      : `The lock on **${environment}** changed hands while it was being released, so it was kept; give the command again to release it.`;
  }
  const removed = await params.lockStore.forceRelease(key);
  return removed
    ? `🔓 Released the lock on **${environment}** for @${params.request.requested_by}. It was: ${describeLockHolder(removed, params.now())}`
    : `**${environment}** was not locked.`;
}

/**
 * Whether what the command would act on (a deployment's `created_at`, a lock's `acquiredAt`, ISO
 * 8601) began after the command was given (`issued_at`): a re-run of the control workflow or a
 * replayed dispatch inside the signature's window must not stop a deploy nobody asked to stop.
 * Without `issued_at` (unsigned requests) nothing can be told, so nothing is held back.
 */
function startedAfter(startedAt: string, request: ControlRequest): boolean {
  if (request.issued_at === undefined) return false;
  return Date.parse(startedAt) > Date.parse(request.issued_at);
}
