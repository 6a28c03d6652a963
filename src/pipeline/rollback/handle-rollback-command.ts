import type { ChatCommand } from '../../core/commands/chat-command.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { findEnvironment } from '../../core/config/find-environment.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { authorizeDeploy } from '../../core/deploy/authorize-deploy.js';
import { deploymentPayloadSchema } from '../../core/deploy/deployment-payload.js';
import type { RepositoryPermission } from '../../core/deploy/repository-permission.js';
import { createDeployment } from '../../github/create-deployment.js';
import { deploymentAuthorityOf } from '../../github/deployment-authority-of.js';
import { openRevertPullRequest } from '../../github/open-revert-pull-request.js';
import { branchNoLongerHolds, unrecordedBranch } from './check-rollback-branch.js';
import { findRollbackTarget } from './find-rollback-target.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { ChatCommandEvent } from '../events/handle-chat-command.js';
import { endUnstartableDeployment } from '../deploy/end-unstartable-deployment.js';
import { teamsOf } from '../deploy/teams-of.js';

type RollbackCommand = Extract<ChatCommand, { kind: 'rollback' }>;

/**
 * `/rollback <env> [to <sha|deployment-id>]`: picks the last good deployment before the current one
 * (or the one named) from the Deployments API, and deploys exactly what it deployed again, as a new
 * deployment marked `rollback_of` the current one.
 */
export async function handleRollbackCommand(params: {
  deps: TaskEventDependencies;
  event: ChatCommandEvent;
  config: AgentConfig;
  command: RollbackCommand;
  permission: RepositoryPermission;
  answer: (body: string) => Promise<TaskOutcome>;
}): Promise<TaskOutcome> {
  const { deps, event, config, command, answer } = params;
  const { client } = deps;
  const { owner, repo } = event.repository;
  const { environment } = command;
  const authority = await deploymentAuthorityOf(deps.trust);
  const found = await findRollbackTarget({
    client,
    owner,
    repo,
    environment,
    target: command.target,
    authority,
  });
  const { selection } = found;
  if (selection.kind === 'nothing') return answer(selection.message);
  const target = selection.deployment;
  const envConfig = findEnvironment(config.environments, environment)?.config;
  if (!envConfig) return answer(`${codeSpan(environment)} is not a configured environment.`);
  const { allowed_refs: allowedRefs } = envConfig;
  const unrecorded = unrecordedBranch({ target, allowedRefs });
  if (unrecorded) return answer(unrecorded);
  // Going back to code that already ran there needs no new approval or checks; who may deploy still applies.
  const decision = authorizeDeploy({
    environment,
    config: { ...envConfig, requires_approval: false, requires_green_checks: false },
    actor: {
      login: event.author,
      permission: params.permission,
      teams: await teamsOf(deps, envConfig.deployers, event.author),
    },
    ref: {
      name: target.branch ?? '',
      atRequest: { kind: 'proven', sha: target.sha },
      currentSha: target.sha,
    },
    automated: false,
  });
  if (!decision.allowed) return answer(decision.message);
  const moved = await branchNoLongerHolds({ client, owner, repo, target, allowedRefs });
  if (moved) return answer(moved);
  const previous = deploymentPayloadSchema.safeParse(found.payloadOf(target.id));
  if (!previous.success) {
    return answer(
      `Deployment ${target.id} was not made by implementation-agent (its payload has no stack or template), ` +
        'so there is nothing exact to roll back to.',
    );
  }
  const payload = {
    ...previous.data,
    requested_by: event.author,
    dry_run: false,
    ...(selection.current === undefined ? {} : { rollback_of: selection.current.id }),
    rollback_to: target.id,
    // This comment, not the one that made the deployment rolled back to.
    command_comment_id: event.commentId,
  };
  const created = await createDeployment({
    client,
    owner,
    repo,
    environment,
    payload,
    keys: authority.keys,
    description: `Rollback to deployment ${target.id} requested by ${event.author}`,
  });
  const deploymentId = created.id;
  deps.log(`Created rollback deployment ${deploymentId} of ${target.sha} to ${environment}`);
  const unstartable = await endUnstartableDeployment({
    client,
    owner,
    repo,
    created,
    environment,
    command: `/rollback ${environment}${command.target === undefined ? '' : ` to ${command.target.kind === 'sha' ? command.target.sha : command.target.id}`}`,
  });
  if (unstartable !== undefined) {
    await answer(unstartable);
    return { status: 'failed', message: unstartable };
  }
  const revert =
    envConfig.revert_pr_on_rollback && selection.current
      ? await openRevertPullRequest({
          client,
          owner,
          repo,
          defaultBranch: event.repository.defaultBranch,
          environment,
          goodSha: target.sha,
          badSha: selection.current.sha,
          rollbackDeploymentId: deploymentId,
        })
      : undefined;
  await answer(
    `↩️ Rolling **${environment}** back to \`${target.sha.slice(0, 7)}\` (deployment ${target.id}` +
      `${selection.current ? `, replacing deployment ${selection.current.id}` : ''}) as deployment ${deploymentId}: ` +
      `stack ${codeSpan(payload.stack_name)} with the same template path and parameters. The deploy workflow reports back here.` +
      (revert === undefined
        ? ''
        : 'problem' in revert
          ? ` ⚠️ To keep git matching what runs, the rolled-back change should be reverted on the default branch: ${revert.problem}.`
          : ` To keep git matching what runs, #${revert.number} reverts the rolled-back change on the default branch.`),
  );
  return { status: 'deployment_created', deploymentId, environment, sha: target.sha, dryRun: false };
}
