import { formatConfigProblems, type AgentConfigResult } from '../../core/config/parse-agent-config.js';
import { deploysOnMerge } from '../../core/deploy/deploys-on-merge.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { deploymentAuthorityOf } from '../../github/deployment-authority-of.js';
import { findTriggerDeployment } from '../../github/find-trigger-deployment.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { PullRequestTaskEvent } from '../review/classify-pull-request-event.js';
import { reply } from '../task/reply.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { requestDeployment } from './request-deployment.js';

/**
 * The merge channel of the deploy use case (DESIGN §4, issue #9 item 7): once the task's pull
 * request is merged and the task runs automated (`deploysOnMerge`), a deployment of the merge
 * commit to the request's target environment is requested through `requestDeployment` — the
 * same rules, quarantine (the deploy counts as automated) and signed payload as `/deploy` — on
 * behalf of whoever merged (`merged_by`, whose permission and deployer listing the rules check).
 * The outcome is answered on the pull request. A redelivered merge finds the deployment its first
 * handling made (payload `merge_of`) and deploys nothing more. Returns `ignored` when the task
 * does not deploy on merge; throws GitHub's HTTP errors. Called by `syncPullRequestTask` once the
 * task moved to `merged`, inside the task's run, with what it read.
 */
export async function deployOnMerge(params: {
  deps: TaskEventDependencies;
  input: PullRequestTaskEvent;
  /** The task's trusted marker, which names this pull request. */
  marker: TaskMarker;
  /** The pull request as GitHub has it now. */
  pull: { merged: boolean; merged_at: string | null; merged_by?: { login: string } | null };
  configResult: AgentConfigResult;
}): Promise<TaskOutcome> {
  const { deps, input, pull, configResult } = params;
  const { client } = deps;
  const { owner, repo } = input.repository;
  const { pullNumber } = input;
  const decision = deploysOnMerge(params.marker);
  if (!decision.deploy) return { status: 'ignored', reason: `no deploy on merge: ${decision.reason}` };
  if (!pull.merged || !pull.merged_at) {
    return { status: 'ignored', reason: `pull request #${pullNumber} is not merged` };
  }
  const mergedAt = pull.merged_at;
  const authority = await deploymentAuthorityOf(deps.trust);
  const trigger = { mergeOf: pullNumber };
  const earlier = await findTriggerDeployment({ client, owner, repo, trigger, since: mergedAt, authority });
  if (earlier) {
    return {
      status: 'ignored',
      reason: `the merge of #${pullNumber} was already deployed as deployment ${earlier.id} to ${earlier.environment}`,
    };
  }
  const answer = async (outcome: TaskOutcome): Promise<TaskOutcome> => {
    if (!('message' in outcome) || outcome.message === undefined) return outcome;
    const body =
      outcome.status === 'deployment_created'
        ? `Merged in automated mode. ${outcome.message}`
        : `#${pullNumber} was merged in automated mode, but nothing was deployed to ` +
          `${codeSpan(decision.environment)}: ${outcome.message}`;
    await reply({ client, owner, repo, issueNumber: pullNumber, body });
    return outcome;
  };
  if (!configResult.ok) {
    return answer({ status: 'refused', message: formatConfigProblems(configResult.problems) });
  }
  const merger = pull.merged_by?.login;
  if (merger === undefined) {
    return answer({ status: 'refused', message: 'GitHub does not say who merged it.' });
  }
  const permission = await repositoryPermissionLevel({ client, owner, repo, username: merger });
  return answer(
    await requestDeployment({
      deps,
      config: configResult.config,
      request: {
        repository: input.repository,
        environment: decision.environment,
        dryRun: false,
        requester: { login: merger, permission },
        source: { issueNumber: pullNumber, onPullRequest: true },
        requestedAt: mergedAt,
        trigger,
        automated: true,
      },
    }),
  );
}
