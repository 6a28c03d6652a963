import type { ChatCommand } from '../../core/commands/chat-command.js';
import { DEFAULT_REGION, type AgentConfig } from '../../core/config/agent-config.js';
import { findEnvironment } from '../../core/config/find-environment.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { authorizeDeploy } from '../../core/deploy/authorize-deploy.js';
import { deploymentPayloadSchema, type DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import type { RepositoryPermission } from '../../core/deploy/repository-permission.js';
import { quarantinedShas } from '../../core/deploy/quarantined-shas.js';
import { stackNameFor } from '../../core/deploy/stack-name-for.js';
import { createDeployment } from '../../github/create-deployment.js';
import { deploymentKeysFrom } from '../../core/deploy/deployment-keys.js';
import { deploymentAuthorityOf } from '../../github/deployment-authority-of.js';
import { agentAppSlugOf } from '../../core/checks/agent-checks.js';
import { readDeploymentHistory } from '../../github/read-deployment-history.js';
import { readPullRequestFacts } from '../../github/read-pull-request-facts.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import { belongsTo, findTaskStatusOf } from '../task/find-task-status-of.js';
import { readOrderFacts } from './read-order-facts.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { endUnstartableDeployment } from './end-unstartable-deployment.js';
import type { ChatCommandEvent } from '../events/handle-chat-command.js';
import { teamsOf } from './teams-of.js';
import { untrustedStatusAnswer } from '../task/untrusted-status-answer.js';

type DeployCommand = Extract<ChatCommand, { kind: 'deploy' }>;

/**
 * `/deploy <env> [--dry-run]`: finds the task's pull request, checks the environment's rules against
 * the sha that existed when the command was written, and creates a GitHub deployment of exactly
 * that sha; the deploy workflow carries it out and reports back.
 */
export async function handleDeployCommand(params: {
  deps: TaskEventDependencies;
  event: ChatCommandEvent;
  config: AgentConfig;
  command: DeployCommand;
  /** The author's permission, already read (and required to be write or more) by the command handler. */
  permission: RepositoryPermission;
  answer: (body: string) => Promise<TaskOutcome>;
}): Promise<TaskOutcome> {
  const { deps, event, config, command, answer, permission } = params;
  const { client } = deps;
  const { owner, repo } = event.repository;
  const { environment } = command;
  // From the issue, its status names the PR; from the PR, its branch names the issue. Only a
  // trusted status decides which pull request and template are deployed.
  const issueStatus = event.onPullRequest
    ? undefined
    : await readTaskStatus({ client, trust: deps.trust, owner, repo, issueNumber: event.issueNumber });
  if (issueStatus && issueStatus.trust !== 'trusted') {
    return answer(untrustedStatusAnswer(issueStatus, event.issueNumber));
  }
  const pullNumber = event.onPullRequest ? event.issueNumber : issueStatus?.marker.pull_number;
  if (!pullNumber) {
    return answer(`There is no implementation pull request to deploy from #${event.issueNumber} yet.`);
  }
  const facts = await readPullRequestFacts({
    client,
    owner,
    repo,
    pullNumber,
    requestedAt: event.commentedAt,
    agentAppSlug: agentAppSlugOf(await deps.trust.identity()),
  });
  const envConfig = findEnvironment(config.environments, environment)?.config;
  if (!envConfig) return answer(`${codeSpan(environment)} is not a configured environment.`);
  // `allowed_refs` reads the branch the sha is on: the head branch while open, the base branch once
  // merged. A pull request closed unmerged has neither (its branch is often deleted with it).
  if (!facts.open && !facts.merged) {
    return answer(
      `#${facts.number} was closed without being merged, so nothing was deployed to ${codeSpan(environment)}: ` +
        `its head is on no branch the rules can check. Reopen it (or merge it) and comment ` +
        `${codeSpan(`/deploy ${environment}`)} again.`,
    );
  }
  const decision = authorizeDeploy({
    environment,
    config: envConfig,
    actor: { login: event.author, permission, teams: await teamsOf(deps, envConfig.deployers, event.author) },
    ref: { name: facts.branch, atRequest: facts.atRequest, currentSha: facts.currentSha },
    pullRequest: { fromFork: facts.fromFork },
    allowForkPullRequests: config.deploy.allow_fork_pull_requests,
    approval: facts.approval,
    checks: facts.checks,
    automated: false,
    ...(await readOrderFacts({
      client,
      owner,
      repo,
      order: config.deploy_order,
      environment,
      sha: facts.currentSha,
      authority: await deploymentAuthorityOf(deps.trust),
    })),
  });
  if (!decision.allowed) return answer(decision.message);
  const status = issueStatus ?? (await findTaskStatusOf({ client, trust: deps.trust, owner, repo, facts }));
  if (status && status.trust !== 'trusted') {
    const taskIssue = Number(/#(\d+)$/.exec(status.marker.task_id)?.[1] ?? event.issueNumber);
    return answer(untrustedStatusAnswer(status, taskIssue));
  }
  const templatePath = status?.marker.template_path;
  if (!status || !templatePath || !belongsTo(status, facts)) {
    return answer(
      `#${pullNumber} was not opened by implementation-agent (no task status with a template path names it), ` +
        'so `/deploy` does not know which CloudFormation template to deploy.',
    );
  }

  const payload: DeploymentPayload = {
    version: 1,
    task_id: status.marker.task_id,
    stack_name: stackNameFor({
      branch: facts.headRef,
      environment,
      ...optional('configured', envConfig.stack_name),
    }),
    template_path: templatePath,
    region: envConfig.region ?? DEFAULT_REGION,
    parameters: { ...envConfig.parameters },
    ...optional('strategy', envConfig.strategy),
    checked_sha: facts.currentSha,
    requested_by: event.author,
    pull_number: facts.number,
    branch: facts.branch,
    dry_run: command.dryRun,
    command_comment_id: event.commentId,
  };
  const notes = await describeEnvironment({
    deps,
    event,
    environment,
    sha: facts.currentSha,
    dryRun: command.dryRun,
  });
  const created = await createDeployment({
    client,
    owner,
    repo,
    environment,
    payload,
    keys: deploymentKeysFrom(deps.trust.keys),
    description: `${command.dryRun ? 'Dry run' : 'Deploy'} of PR #${facts.number} requested by ${event.author}`,
  });
  const deploymentId = created.id;
  deps.log(`Created deployment ${deploymentId} of ${facts.currentSha} to ${environment}`);
  const unstartable = await endUnstartableDeployment({
    client,
    owner,
    repo,
    created,
    environment,
    command: `/deploy ${environment}${command.dryRun ? ' --dry-run' : ''}`,
  });
  if (unstartable !== undefined) {
    await answer(unstartable);
    return { status: 'failed', message: unstartable };
  }
  await answer(
    `🚀 ${command.dryRun ? 'Dry run (change set only) for' : 'Deploying'} \`${facts.currentSha.slice(0, 7)}\` ` +
      `(PR #${facts.number}) to **${environment}** as deployment ${deploymentId}, stack ${codeSpan(payload.stack_name)} ` +
      `in ${payload.region}. The deploy workflow carries it out and reports back here; ` +
      `follow it under [Deployments](https://github.com/${owner}/${repo}/deployments).${notes}`,
  );
  return {
    status: 'deployment_created',
    deploymentId,
    environment,
    sha: facts.currentSha,
    dryRun: command.dryRun,
  };
}

/**
 * What the environment's recent history means for this deploy: the deploys it queues behind, and
 * whether its sha was rolled back here before (an explicit deploy releases it from quarantine).
 */
async function describeEnvironment(params: {
  deps: TaskEventDependencies;
  event: ChatCommandEvent;
  environment: string;
  sha: string;
  /** A dry run deploys nothing, so it never releases a sha from quarantine (`quarantinedShas`). */
  dryRun: boolean;
}): Promise<string> {
  const { owner, repo } = params.event.repository;
  const history = await readDeploymentHistory({
    client: params.deps.client,
    owner,
    repo,
    filter: { environment: params.environment },
    limit: 10,
  });
  const notes: string[] = [];
  const waiting = history.records.filter((record) =>
    ['in_progress', 'queued', 'pending'].includes(record.latestState ?? ''),
  );
  if (waiting.length > 0) {
    const list = waiting
      .map((record) => {
        const by = requesterOf(history.payloadOf(record.id)) ?? record.creator;
        return `${record.id} (\`${record.sha.slice(0, 7)}\`${by ? ` by @${by}` : ''}, ${record.latestState})`;
      })
      .join(', ');
    notes.push(` ⏳ It is queued behind deployment ${list}: one deploy per environment runs at a time.`);
  }
  const rolledBack = quarantinedShas(history.records).get(params.sha);
  if (rolledBack) {
    notes.push(
      ` ⚠️ \`${params.sha.slice(0, 7)}\` was rolled back from **${params.environment}** (deployment ${rolledBack.id}); ` +
        (params.dryRun
          ? 'a dry run does not release it from quarantine: automated deploys still skip it.'
          : 'deploying it explicitly releases it from quarantine, so automated deploys may pick it again.'),
    );
  }
  return notes.join('');
}

function requesterOf(payload: unknown): string | undefined {
  const parsed = deploymentPayloadSchema.safeParse(payload);
  return parsed.success ? parsed.data.requested_by : undefined;
}

/** `{ key: value }` when the value is present, `{}` otherwise (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
