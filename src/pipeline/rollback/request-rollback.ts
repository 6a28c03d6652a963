import type { AgentConfig } from '../../core/config/agent-config.js';
import { findEnvironment } from '../../core/config/find-environment.js';
import { authorizeDeploy } from '../../core/deploy/authorize-deploy.js';
import { deploymentPayloadSchema } from '../../core/deploy/deployment-payload.js';
import type { RepositoryPermission } from '../../core/deploy/repository-permission.js';
import type { RollbackTargetRequest } from '../../core/deploy/select-rollback-target.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import type { OutcomeReasonCode } from '../../core/outcome/outcome-reason-code.js';
import { createDeployment } from '../../github/create-deployment.js';
import { deploymentAuthorityOf } from '../../github/deployment-authority-of.js';
import { findCommandDeployment } from '../../github/find-command-deployment.js';
import { endUnstartableDeployment } from '../deploy/end-unstartable-deployment.js';
import { teamsOf } from '../deploy/teams-of.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { branchNoLongerHolds, unrecordedBranch } from './check-rollback-branch.js';
import { findRollbackTarget } from './find-rollback-target.js';
import { revertRolledBackChange } from './revert-rolled-back-change.js';

/** Who asks to roll an environment back, and to what: the same inputs whatever the channel. */
export interface RollbackRequest {
  /** `defaultBranch` is where the revert pull request goes (`revert_pr_on_rollback`). */
  readonly repository: RepositoryRef;
  readonly environment: string;
  /** A sha prefix or deployment id to return to; absent, the last good deployment before the current one. */
  readonly target?: RollbackTargetRequest | undefined;
  /** The person asking and their repository permission (the deploy rules `permission` and `deployers`). */
  readonly requester: { readonly login: string; readonly permission: RepositoryPermission };
  /**
   * The idempotency key: the request's comment id, recorded in the payload as `command_comment_id`,
   * so a second handling of the same request finds the deployment the first one made.
   */
  readonly trigger: { readonly commentId: number };
  /** GitHub's time of the request (the comment's `created_at`), ISO 8601: how far back to look for that deployment. */
  readonly requestedAt: string;
}

/**
 * The rollback use case, channel-neutral (DESIGN §7): picks the last good deployment before the
 * current one (or the one named) from the Deployments API and deploys exactly what it deployed
 * again, as a new signed deployment marked `rollback_of` the current one; with
 * `revert_pr_on_rollback` it also opens a pull request reverting the rolled-back change on the
 * default branch. Returns, each with its reason code:
 * - `deployment_created` / `rollback_requested`, with a `message` to show;
 * - `ignored` / `already_handled`: the trigger already made a deployment (a redelivery);
 * - `refused` / `no_rollback_target`, `environment_not_configured`, `branch_not_recorded`,
 *   `deploy_rule_not_met` (`authorizeDeploy` without approval and green checks: the code already
 *   ran there), `branch_no_longer_contains_sha` or `not_agent_deployment`, with why in `message`;
 * - `deploy_failed` / `rollback_unstartable` (with `deploymentId`): created, but no workflow run can
 *   start it, so it was ended at once. Nothing ran, so neither the task's state nor the
 *   environment's deploy state moves (as for an unstartable deploy, `requestDeployment`): the
 *   rollback failed, not the task, and the rolled-back deployment still stands.
 * Nothing is posted here: every channel renders the outcome. Throws GitHub's HTTP errors.
 */
export async function requestRollback(params: {
  deps: TaskEventDependencies;
  config: AgentConfig;
  request: RollbackRequest;
}): Promise<TaskOutcome> {
  const { deps, config, request } = params;
  const { client } = deps;
  const { owner, repo } = request.repository;
  const { environment, requester } = request;
  const refuse = (reasonCode: OutcomeReasonCode, message: string): TaskOutcome => ({
    status: 'refused',
    reasonCode,
    message,
  });
  const authority = await deploymentAuthorityOf(deps.trust, deps.repositoryId);
  const { commentId } = request.trigger;
  const earlier = await findCommandDeployment({
    client,
    owner,
    repo,
    commentId,
    commentedAt: request.requestedAt,
    authority,
  });
  if (earlier) {
    return {
      status: 'ignored',
      reasonCode: 'already_handled',
      reason: `comment ${commentId} (\`/rollback\`) was already carried out as deployment ${earlier.id} to ${earlier.environment}`,
    };
  }
  const found = await findRollbackTarget({
    client,
    owner,
    repo,
    environment,
    target: request.target,
    authority,
  });
  const { selection } = found;
  if (selection.kind === 'nothing') return refuse('no_rollback_target', selection.message);
  const target = selection.deployment;
  const envConfig = findEnvironment(config.environments, environment)?.config;
  if (!envConfig) {
    return refuse('environment_not_configured', `${codeSpan(environment)} is not a configured environment.`);
  }
  const { allowed_refs: allowedRefs } = envConfig;
  const unrecorded = unrecordedBranch({ target, allowedRefs });
  if (unrecorded) return refuse('branch_not_recorded', unrecorded);
  // Going back to code that already ran there needs no new approval or checks; who may deploy still applies.
  const decision = authorizeDeploy({
    environment,
    config: { ...envConfig, requires_approval: false, requires_green_checks: false },
    actor: { ...requester, teams: await teamsOf(deps, envConfig.deployers, requester.login) },
    ref: {
      name: target.branch ?? '',
      atRequest: { kind: 'proven', sha: target.sha },
      currentSha: target.sha,
    },
    automated: false,
  });
  if (!decision.allowed) return refuse('deploy_rule_not_met', decision.message);
  const moved = await branchNoLongerHolds({ client, owner, repo, target, allowedRefs });
  if (moved) return refuse('branch_no_longer_contains_sha', moved);
  const previous = deploymentPayloadSchema.safeParse(found.payloadOf(target.id));
  if (!previous.success) {
    return refuse(
      'not_agent_deployment',
      `Deployment ${target.id} was not made by implementation-agent (its payload has no stack or template), ` +
        'so there is nothing exact to roll back to.',
    );
  }

  const current = selection.current;
  const payload = {
    ...previous.data,
    requested_by: requester.login,
    dry_run: false,
    ...(current === undefined ? {} : { rollback_of: current.id }),
    rollback_to: target.id,
    // This request's trigger, not the one that made the deployment rolled back to.
    command_comment_id: commentId,
  };
  const created = await createDeployment({
    client,
    owner,
    repo,
    repositoryId: deps.repositoryId,
    environment,
    payload,
    keys: authority.keys,
    description: `Rollback to deployment ${target.id} requested by ${requester.login}`,
  });
  const deploymentId = created.id;
  deps.log(`Created rollback deployment ${deploymentId} of ${target.sha} to ${environment}`);
  const unstartable = await endUnstartableDeployment({
    client,
    owner,
    repo,
    created,
    environment,
    command: `/rollback ${environment}${targetText(request.target)}`,
  });
  // Nothing ran: the rollback failed, and no task or environment state moves (`deploy_failed`, with why).
  if (unstartable !== undefined) {
    return {
      status: 'deploy_failed',
      reasonCode: 'rollback_unstartable',
      deploymentId,
      message: unstartable,
    };
  }
  const revert =
    envConfig.revert_pr_on_rollback && current
      ? await revertRolledBackChange({
          client,
          repository: request.repository,
          environment,
          goodSha: target.sha,
          badSha: current.sha,
          rollbackDeploymentId: deploymentId,
        })
      : '';
  return {
    status: 'deployment_created',
    reasonCode: 'rollback_requested',
    deploymentId,
    environment,
    sha: target.sha,
    dryRun: false,
    message:
      `↩️ Rolling **${environment}** back to \`${target.sha.slice(0, 7)}\` (deployment ${target.id}` +
      `${current ? `, replacing deployment ${current.id}` : ''}) as deployment ${deploymentId}: ` +
      `stack ${codeSpan(payload.stack_name)} with the same template path and parameters. The deploy workflow reports back here.` +
      revert,
  };
}

/** The target as the command names it: ` to <sha>`, ` to <deployment-id>`, or nothing. */
function targetText(target: RollbackTargetRequest | undefined): string {
  if (target === undefined) return '';
  return ` to ${target.kind === 'sha' ? target.sha : target.id}`;
}
