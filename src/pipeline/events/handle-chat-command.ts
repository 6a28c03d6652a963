import { COMMAND_SPECS } from '../../core/commands/command-names.js';
import { renderHelp } from '../../core/commands/help-text.js';
import { parseCommand } from '../../core/commands/parse-command.js';
import { formatConfigProblems } from '../../core/config/parse-agent-config.js';
import { canChange } from '../../core/deploy/repository-permission.js';
import { deploymentAuthorityOf } from '../../github/deployment-authority-of.js';
import { findCommandDeployment } from '../../github/find-command-deployment.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import { issueNumberFromBranch } from '../../core/naming/issue-number-from-branch.js';
import { iterateOnFeedback } from '../review/iterate-on-feedback.js';
import type { TaskEvent } from './task-event.js';
import type { TaskEventDependencies } from './task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { handleDeployCommand } from '../deploy/handle-deploy-command.js';
import { handleRollbackCommand } from '../rollback/handle-rollback-command.js';
import { sendToDeployWorkflow } from '../deploy/send-to-deploy-workflow.js';
import { reply } from '../task/reply.js';
import { reportTaskStatus } from '../status/report-task-status.js';
import { taskIssueOfPullRequest } from '../task/task-issue-of-pull-request.js';
import { handleTaskControl } from '../control/handle-task-control.js';

export type ChatCommandEvent = Extract<TaskEvent, { kind: 'chat-command' }>;

/**
 * Every slash command other than `/implement` and `/approve` on an issue (those two written on a
 * pull request come here too): acknowledged with a reaction at once, parsed against the configured
 * environments, permission-checked, then carried out or answered.
 */
export async function handleChatCommand(
  deps: TaskEventDependencies,
  event: ChatCommandEvent,
): Promise<TaskOutcome> {
  const { client } = deps;
  const { owner, repo } = event.repository;
  const answer = (body: string) => reply({ client, owner, repo, issueNumber: event.issueNumber, body });
  await client.reactions.createForIssueComment({ owner, repo, comment_id: event.commentId, content: 'eyes' });

  const configResult = await readAgentConfig({ client, owner, repo });
  if (!configResult.ok) return answer(formatConfigProblems(configResult.problems));
  const config = configResult.config;
  const environments = Object.keys(config.environments);
  const parsed = parseCommand({ body: event.commentBody, environments, author: { login: event.author } });
  if (parsed.kind === 'not-a-command') return { status: 'ignored', reason: 'the comment holds no command' };
  if (parsed.kind === 'invalid') return answer(`${parsed.problem}\n\n${parsed.help}`);
  const command = parsed.command;

  // Only commands that change something look the author up; help and status cost no extra call.
  const needsWrite = COMMAND_SPECS[command.kind].requiredPermission === 'write';
  const permission = needsWrite
    ? await repositoryPermissionLevel({ client, owner, repo, username: event.author })
    : 'none';
  if (needsWrite && !canChange(permission)) {
    return answer(
      `@${event.author}, \`/${command.kind}\` needs write, maintain or admin permission on ${owner}/${repo}; ` +
        `you have ${permission}.`,
    );
  }
  if (command.kind === 'deploy') {
    // A command is carried out once: a redelivery finds the deployment its first handling made
    // (`/rollback`'s use case looks for it itself, from its idempotency key).
    const { commentId, commentedAt } = event;
    const authority = await deploymentAuthorityOf(deps.trust, deps.repositoryId);
    const earlier = await findCommandDeployment({ client, owner, repo, commentId, commentedAt, authority });
    if (earlier) {
      return {
        status: 'ignored',
        reason: `comment ${commentId} (\`/${command.kind}\`) was already carried out as deployment ${earlier.id} to ${earlier.environment}`,
      };
    }
  }
  switch (command.kind) {
    case 'help':
      return answer(renderHelp(environments));
    case 'status': {
      // On a pull request, the task is the one its branch (`implementation/<issue>-…`) names.
      const taskIssue = event.onPullRequest
        ? await taskIssueOfPullRequest({ deps, repository: event.repository, pullNumber: event.issueNumber })
        : event.issueNumber;
      const outcome = await reportTaskStatus({
        client,
        trust: deps.trust,
        repository: event.repository,
        repositoryId: deps.repositoryId,
        issueNumber: taskIssue ?? event.issueNumber,
        ...(event.onPullRequest ? { pullNumber: event.issueNumber } : {}),
      });
      if ('message' in outcome) await answer(outcome.message);
      return outcome;
    }
    case 'deploy':
      return handleDeployCommand({ deps, event, config, command, permission, answer });
    case 'rollback':
      return handleRollbackCommand({ deps, event, config, command, permission, answer });
    case 'unlock':
      return sendToDeployWorkflow({
        deps,
        event,
        config,
        command: 'unlock',
        environment: command.environment,
        answer,
      });
    case 'implement': {
      // `/implement <instructions>` on the task's own pull request is review feedback (#9 item 3).
      const headRef = event.onPullRequest ? await pullHeadRef(deps, event) : undefined;
      const iterated = headRef === undefined ? undefined : await implementOnPullRequest(deps, event, headRef);
      if (iterated !== undefined && iterated.status !== 'ignored') return iterated;
      return answer(await onPullRequestInstead(deps, event, command.kind, headRef));
    }
    case 'approve':
      return answer(await onPullRequestInstead(deps, event, command.kind));
    case 'retry':
      return handleTaskControl({ deps, event, kind: 'retry', config });
    case 'cancel':
      // Without an environment it cancels the task; with one, the deploy running there.
      if (command.environment === undefined)
        return handleTaskControl({ deps, event, kind: 'cancel', config });
      return sendToDeployWorkflow({
        deps,
        event,
        config,
        command: 'cancel',
        environment: command.environment,
        answer,
      });
  }
}

/**
 * `/implement` and `/approve` act on the task's issue; written on a pull request they are answered
 * with where they work (the issue, named from the agent's branch `implementation/<issue>-…`).
 */
async function onPullRequestInstead(
  deps: TaskEventDependencies,
  event: ChatCommandEvent,
  kind: 'implement' | 'approve',
  knownHeadRef?: string,
): Promise<string> {
  const headRef = knownHeadRef ?? (await pullHeadRef(deps, event));
  const issue = /^implementation\/(\d+)-/.exec(headRef)?.[1];
  const where = issue === undefined ? 'an issue that holds a request' : `the task's issue, #${issue}`;
  const what =
    kind === 'implement'
      ? `\`/implement\` works on ${where}: there it starts the task, or runs it again and updates its pull request.`
      : `\`/approve\` works on ${where}: there it releases a request held for a maintainer's approval. ` +
        'To approve this pull request, submit a review that approves it (Files changed → Review changes → Approve).';
  return (
    `${what} Nothing was changed here. On the task's own pull request, \`/implement <instructions>\` ` +
    'and reviews are feedback the agent iterates on. `/help` lists what works today.'
  );
}

/**
 * `/implement` on a pull request the agent opened for a task: the feedback catch-up
 * (`iterateOnFeedback`), which reads the comment back with every other piece not yet taken in.
 * `undefined` when the pull request is not on a task branch of this repository.
 */
async function implementOnPullRequest(
  deps: TaskEventDependencies,
  event: ChatCommandEvent,
  headRef: string,
): Promise<TaskOutcome | undefined> {
  // A fork's branch may be named like a task's; `iterateOnFeedback` proves the PR is the task's.
  const issueNumber = issueNumberFromBranch(headRef);
  if (issueNumber === undefined) return undefined;
  return iterateOnFeedback(deps, {
    kind: 'pull-request',
    repository: event.repository,
    pullNumber: event.issueNumber,
    issueNumber,
    event: 'issue_comment.created',
    mayCarryFeedback: true,
  });
}

/** The pull request's head branch (the comment's issue number is the pull request's). */
async function pullHeadRef(deps: TaskEventDependencies, event: ChatCommandEvent): Promise<string> {
  const { owner, repo } = event.repository;
  return (await deps.client.pulls.get({ owner, repo, pull_number: event.issueNumber })).data.head.ref;
}
