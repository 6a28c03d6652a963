import type { ChatCommand } from '../../core/commands/chat-command.js';
import { escapeMarkdown } from '../../core/text/escape-markdown.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { authorizeDeploy } from '../../core/deploy/authorize-deploy.js';
import { deploymentPayloadSchema } from '../../core/deploy/deployment-payload.js';
import type { RepositoryPermission } from '../../core/deploy/repository-permission.js';
import type { DeploymentRecord } from '../../core/deploy/deployment-record.js';
import { isRollbackSelectionSettled } from '../../core/deploy/rollback-selection-settled.js';
import { selectRollbackTarget } from '../../core/deploy/select-rollback-target.js';
import { branchContainsSha } from '../../github/branch-contains-sha.js';
import { createDeployment } from '../../github/create-deployment.js';
import { openRevertPullRequest } from '../../github/open-revert-pull-request.js';
import { readDeployment } from '../../github/read-deployment.js';
import { readDeploymentHistory } from '../../github/read-deployment-history.js';
import type { TaskEventDependencies } from '../task-event-dependencies.js';
import type { TaskOutcome } from '../task-outcome.js';
import type { ChatCommandEvent } from './handle-chat-command.js';
import { teamsOf } from './teams-of.js';

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
  const named =
    command.target?.kind === 'deployment'
      ? await readDeployment({ client, owner, repo, deploymentId: command.target.id })
      : undefined;
  const select = (records: readonly DeploymentRecord[]) =>
    selectRollbackTarget({
      environment,
      history: withNamed(records, named?.record),
      ...(command.target === undefined ? {} : { target: command.target }),
    });
  const history = await readDeploymentHistory({
    client,
    owner,
    repo,
    filter: { environment },
    enough: (records) =>
      isRollbackSelectionSettled({
        selection: select(records),
        ...(command.target === undefined ? {} : { target: command.target }),
      }),
  });
  const selection = select(history.records);
  if (selection.kind === 'nothing') {
    const partial = history.complete
      ? ''
      : ` (Only the newest ${history.records.length} deployments of \`${environment}\` were read.)`;
    return answer(selection.message + partial);
  }
  const target = selection.deployment;
  const envConfig = config.environments[environment];
  if (!envConfig) return answer(`\`${environment}\` is not a configured environment.`);
  const branchProblem = await checkTargetBranch({ deps, event, target, allowedRefs: envConfig.allowed_refs });
  if (branchProblem) return answer(branchProblem);
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
  const payloadOf = (id: number) => (id === named?.record.id ? named.payload : history.payloadOf(id));
  const previous = deploymentPayloadSchema.safeParse(payloadOf(target.id));
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
  };
  const deploymentId = await createDeployment({
    client,
    owner,
    repo,
    environment,
    payload,
    description: `Rollback to deployment ${target.id} requested by ${event.author}`,
  });
  deps.log(`Created rollback deployment ${deploymentId} of ${target.sha} to ${environment}`);
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
      `stack \`${payload.stack_name}\` with the same template path and parameters. The deploy workflow reports back here.` +
      (revert === undefined
        ? ''
        : 'problem' in revert
          ? ` ⚠️ To keep git matching what runs, the rolled-back change should be reverted on the default branch: ${revert.problem}.`
          : ` To keep git matching what runs, #${revert.number} reverts the rolled-back change on the default branch.`),
  );
  return { status: 'deployment_created', deploymentId, environment, sha: target.sha, dryRun: false };
}

/** The deployment named by id, asked of GitHub directly, joins the history wherever it belongs. */
function withNamed(
  records: readonly DeploymentRecord[],
  named: DeploymentRecord | undefined,
): DeploymentRecord[] {
  if (named === undefined || records.some((record) => record.id === named.id)) return [...records];
  return [...records, named];
}

/**
 * `allowed_refs` means the same for `/rollback` as for `/deploy`: the branch the sha was on when it
 * was deployed (recorded in its payload), which must still contain it on GitHub. Nothing to check
 * when the environment allows every branch.
 */
async function checkTargetBranch(params: {
  deps: TaskEventDependencies;
  event: ChatCommandEvent;
  target: DeploymentRecord;
  allowedRefs: readonly string[];
}): Promise<string | undefined> {
  const { target } = params;
  if (params.allowedRefs.length === 0) return undefined;
  const short = `\`${target.sha.slice(0, 7)}\``;
  if (target.branch === undefined) {
    return (
      `Deployment ${target.id} (${short}) records no branch, so whether it came from an allowed branch ` +
      `(rule \`allowed-refs\`) cannot be checked, and it was not redeployed. Please deploy the commit you want ` +
      `with \`/deploy\` from an allowed branch instead.`
    );
  }
  const { owner, repo } = params.event.repository;
  const contained = await branchContainsSha({
    client: params.deps.client,
    owner,
    repo,
    branch: target.branch,
    sha: target.sha,
  });
  if (contained) return undefined;
  return (
    `Deployment ${target.id} deployed ${short} from ${escapeMarkdown(target.branch)}, which no longer contains it ` +
    `(rule \`allowed-refs\` reads the branch a sha is on), so it was not redeployed. Please roll back to a ` +
    `deployment whose commit is still on an allowed branch.`
  );
}
