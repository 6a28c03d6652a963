import { DEFAULT_REGION, type AgentConfig } from '../../core/config/agent-config.js';
import { findEnvironment } from '../../core/config/find-environment.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { authorizeDeploy } from '../../core/deploy/authorize-deploy.js';
import { deploymentPayloadSchema, type DeploymentPayload } from '../../core/deploy/deployment-payload.js';
import type { RepositoryPermission } from '../../core/deploy/repository-permission.js';
import { stackNameFor } from '../../core/deploy/stack-name-for.js';
import { createDeployment } from '../../github/create-deployment.js';
import { deploymentKeysFrom } from '../../core/deploy/deployment-keys.js';
import { deploymentAuthorityOf } from '../../github/deployment-authority-of.js';
import { agentAppSlugOf } from '../../core/checks/agent-checks.js';
import { readDeploymentHistory } from '../../github/read-deployment-history.js';
import { readPullRequestFacts } from '../../github/read-pull-request-facts.js';
import { belongsTo } from '../task/find-task-status-of.js';
import { readOrderFacts } from './read-order-facts.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { endUnstartableDeployment } from './end-unstartable-deployment.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { DeploymentTrigger } from '../../github/find-trigger-deployment.js';
import { quarantinedShas as quarantinedShasOf } from '../../core/deploy/quarantined-shas.js';
import { teamsOf } from './teams-of.js';
import { untrustedStatusAnswer } from '../task/untrusted-status-answer.js';
import { readTaskStatusFor } from '../task/read-task-status-for.js';

/**
 * Who asks for a deployment, where and why: the same inputs whatever the channel (a `/deploy`
 * comment, the merge of an automated task's pull request).
 */
export interface DeploymentRequest {
  readonly repository: Pick<RepositoryRef, 'owner' | 'repo'>;
  readonly environment: string;
  readonly dryRun: boolean;
  /** The person deploying (the comment's author, the pull request's merger) and their permission. */
  readonly requester: { readonly login: string; readonly permission: RepositoryPermission };
  /**
   * Where the request was made: an issue (its trusted status names the pull request) or the pull
   * request itself.
   */
  readonly source: { readonly issueNumber: number; readonly onPullRequest: boolean };
  /** GitHub's time of the request (the comment's `created_at`, the merge's `merged_at`), ISO 8601. */
  readonly requestedAt: string;
  /** What the deployment carries out, recorded in its payload so a redelivery finds it. */
  readonly trigger: DeploymentTrigger;
  /** Nobody named this sha (deploy on merge): a quarantined sha is skipped (`authorizeDeploy`). */
  readonly automated: boolean;
  /**
   * The agent's login when it merged the pull request itself and `requester` is the task's
   * requester it deploys for (`mergeActor`): the payload's `merged_by` and the deployment's
   * description say so.
   */
  readonly mergedByAgent?: string;
}

/**
 * The deploy use case, channel-neutral (DESIGN §7, §8): finds the task's pull request, checks
 * the environment's rules (`authorizeDeploy`: permission, deployers, fork, allowed refs, sha
 * moved, quarantine, approval, green checks, validation, order) against the sha that existed at
 * `requestedAt` — the head of an open pull request, the merge commit of a merged one — and
 * creates a signed GitHub deployment of exactly that sha. Returns `deployment_created` (with a
 * `message` to show), `refused` (a rule or the task's status said no; `message` says why) or
 * `deploy_failed` with reason code `deployment_unstartable` (the deployment was created but
 * cannot start a workflow run, and was ended; the deploy failed, the task's state stands). Every
 * channel renders the outcome itself; nothing is posted here. Throws GitHub's HTTP errors.
 */
export async function requestDeployment(params: {
  deps: TaskEventDependencies;
  config: AgentConfig;
  request: DeploymentRequest;
}): Promise<TaskOutcome> {
  const { deps, config, request } = params;
  const { client } = deps;
  const { owner, repo } = request.repository;
  const { environment, dryRun, source, requester } = request;
  const refuse = (message: string): TaskOutcome => ({ status: 'refused', message });
  // From the issue, its status names the PR; from the PR, its branch names the issue. Only a
  // trusted status decides which pull request and template are deployed.
  const issueStatus = source.onPullRequest
    ? undefined
    : await readTaskStatusFor(deps, { owner, repo, issueNumber: source.issueNumber });
  if (issueStatus && issueStatus.trust !== 'trusted') {
    return refuse(untrustedStatusAnswer(issueStatus, source.issueNumber));
  }
  const pullNumber = source.onPullRequest ? source.issueNumber : issueStatus?.marker.pull_number;
  if (!pullNumber) {
    return refuse(`There is no implementation pull request to deploy from #${source.issueNumber} yet.`);
  }
  const facts = await readPullRequestFacts({
    client,
    owner,
    repo,
    repositoryId: deps.repositoryId,
    pullNumber,
    requestedAt: request.requestedAt,
    agentAppSlug: agentAppSlugOf(await deps.trust.identity()),
    trust: deps.trust,
    review: config.review,
    taskStatus: issueStatus,
  });
  const envConfig = findEnvironment(config.environments, environment)?.config;
  if (!envConfig) return refuse(`${codeSpan(environment)} is not a configured environment.`);
  // `allowed_refs` reads the branch the sha is on: the head branch while open, the base branch once
  // merged. A pull request closed unmerged has neither (its branch is often deleted with it).
  if (!facts.open && !facts.merged) {
    return refuse(
      `#${facts.number} was closed without being merged, so nothing was deployed to ${codeSpan(environment)}: ` +
        `its head is on no branch the rules can check. Reopen it (or merge it) and comment ` +
        `${codeSpan(`/deploy ${environment}`)} again.`,
    );
  }
  // Only automated deploys skip quarantined shas, so only they read the history before the rules.
  const history = request.automated
    ? await readDeploymentHistory({ client, owner, repo, filter: { environment }, limit: 10 })
    : undefined;
  const decision = authorizeDeploy({
    environment,
    config: envConfig,
    actor: {
      login: requester.login,
      permission: requester.permission,
      teams: await teamsOf(deps, envConfig.deployers, requester.login),
    },
    ref: { name: facts.branch, atRequest: facts.atRequest, currentSha: facts.currentSha },
    pullRequest: { fromFork: facts.fromFork },
    allowForkPullRequests: config.deploy.allow_fork_pull_requests,
    approval: facts.approval,
    checks: facts.checks,
    automated: request.automated,
    ...(history === undefined ? {} : { quarantinedShas: new Set(quarantinedShasOf(history.records).keys()) }),
    ...(await readOrderFacts({
      client,
      owner,
      repo,
      order: config.deploy_order,
      environment,
      sha: facts.currentSha,
      authority: await deploymentAuthorityOf(deps.trust, deps.repositoryId),
    })),
  });
  if (!decision.allowed) return refuse(decision.message);
  const status = issueStatus ?? facts.taskStatus;
  if (status && status.trust !== 'trusted') {
    const taskIssue = Number(/#(\d+)$/.exec(status.marker.task_id)?.[1] ?? source.issueNumber);
    return refuse(untrustedStatusAnswer(status, taskIssue));
  }
  const templatePath = status?.marker.template_path;
  if (!status || !templatePath || !belongsTo(status, facts)) {
    return refuse(
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
    requested_by: requester.login,
    ...optional('merged_by', request.mergedByAgent),
    pull_number: facts.number,
    branch: facts.branch,
    dry_run: dryRun,
    ...('commentId' in request.trigger
      ? { command_comment_id: request.trigger.commentId }
      : { merge_of: request.trigger.mergeOf }),
  };
  const notes = await describeEnvironment({
    deps,
    repository: request.repository,
    environment,
    sha: facts.currentSha,
    dryRun,
  });
  const what = 'mergeOf' in request.trigger ? 'Deploy on merge' : dryRun ? 'Dry run' : 'Deploy';
  const created = await createDeployment({
    client,
    owner,
    repo,
    repositoryId: deps.repositoryId,
    environment,
    payload,
    keys: deploymentKeysFrom(deps.trust.keys),
    description:
      request.mergedByAgent === undefined
        ? `${what} of PR #${facts.number} requested by ${requester.login}`
        : `${what} of PR #${facts.number} merged by the agent for ${requester.login}`,
  });
  const deploymentId = created.id;
  deps.log(`Created deployment ${deploymentId} of ${facts.currentSha} to ${environment}`);
  const unstartable = await endUnstartableDeployment({
    client,
    owner,
    repo,
    created,
    environment,
    command: `/deploy ${environment}${dryRun ? ' --dry-run' : ''}`,
  });
  // The deploy failed, not the task (a merged task stays merged): `deploy_failed`, with why.
  if (unstartable !== undefined)
    return {
      status: 'deploy_failed',
      reasonCode: 'deployment_unstartable',
      deploymentId,
      environment,
      sha: facts.currentSha,
      taskId: status.marker.task_id,
      dryRun,
      message: unstartable,
    };
  return {
    status: 'deployment_created',
    deploymentId,
    environment,
    sha: facts.currentSha,
    dryRun,
    message:
      `🚀 ${dryRun ? 'Dry run (change set only) for' : 'Deploying'} \`${facts.currentSha.slice(0, 7)}\` ` +
      `(PR #${facts.number}) to **${environment}** as deployment ${deploymentId}, stack ${codeSpan(payload.stack_name)} ` +
      `in ${payload.region}. The deploy workflow carries it out and reports back here; ` +
      `follow it under [Deployments](https://github.com/${owner}/${repo}/deployments).${notes}`,
  };
}

/**
 * What the environment's recent history means for this deploy: the deploys it queues behind, and
 * whether its sha was rolled back here before (an explicit deploy releases it from quarantine).
 */
async function describeEnvironment(params: {
  deps: TaskEventDependencies;
  repository: Pick<RepositoryRef, 'owner' | 'repo'>;
  environment: string;
  sha: string;
  /** A dry run deploys nothing, so it never releases a sha from quarantine (`quarantinedShas`). */
  dryRun: boolean;
}): Promise<string> {
  const { owner, repo } = params.repository;
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
  const rolledBack = quarantinedShasOf(history.records).get(params.sha);
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
