import { agentAppSlugOf } from '../../core/checks/agent-checks.js';
import { validationRefusal } from '../../core/checks/validation-refusal.js';
import { formatConfigProblems, type AgentConfigResult } from '../../core/config/parse-agent-config.js';
import { deploysOnMerge } from '../../core/deploy/deploys-on-merge.js';
import { mergeDeployTarget, type MergeDeployTarget } from '../../core/deploy/merge-deploy-target.js';
import { wasHandled } from '../../core/idempotency/handled-triggers.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { mention } from '../../core/markdown/mention.js';
import { deploymentAuthorityOf } from '../../github/deployment-authority-of.js';
import { findTriggerDeployment } from '../../github/find-trigger-deployment.js';
import { readChecksVerdict } from '../../github/read-checks-verdict.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { PullRequestTaskEvent } from '../review/classify-pull-request-event.js';
import { reply } from '../task/reply.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import { mergeActor } from './merge-actor.js';
import { readRequestTarget } from './read-request-target.js';
import { requestDeployment } from './request-deployment.js';

/**
 * The trigger key (`handled_triggers`) of a pull request's merge: a pull request is merged once,
 * so every delivery of its `pull_request.closed` (redelivered with the same `X-GitHub-Delivery`, or
 * sent again under a new one, or met again by merge-when-green) is this one trigger.
 */
export function mergeTriggerKey(pullNumber: number): string {
  return `merge:${pullNumber}`;
}

/**
 * The merge channel of the deploy use case (DESIGN §4, issue #9 item 7): once the task's pull
 * request is merged and the task runs automated (`deploysOnMerge`), a deployment of the merge
 * commit is requested through `requestDeployment` — the same rules, quarantine (the deploy counts
 * as automated) and signed payload as `/deploy`. The target is the one the task recorded, else
 * the request's proven target, else the config's first `deploy_order` environment
 * (`mergeDeployTarget`; the answer says which when it is not the recorded one). It acts for whoever
 * merged, or for the task's requester when the agent merged itself (`mergeActor`). The outcome is
 * answered on the pull request. A merge whose trigger the marker records as handled (a refusal
 * answered before), or whose deployment its first handling made (payload `merge_of`), deploys and
 * answers nothing more. Returns `ignored` when the task does not deploy on merge or this merge was
 * handled; throws GitHub's HTTP errors. Called by `syncPullRequestTask` once the task moved to
 * `merged`, inside the task's run, with what it read. A merged head that does not carry the agent's
 * own passing validation check (`validationRefusal`, the rule merge-when-green applies) is refused
 * with an answer: nothing is deployed, `/deploy` after review is the way.
 */
export async function deployOnMerge(params: {
  deps: TaskEventDependencies;
  input: PullRequestTaskEvent;
  /** The task's trusted marker, which names this pull request. */
  marker: TaskMarker;
  /** The pull request as GitHub has it now. */
  pull: {
    merged: boolean;
    merged_at: string | null;
    merged_by?: { login: string } | null;
    /** The head that was merged: the agent deploys it only if its own validation check passed there. */
    head: { sha: string };
  };
  configResult: AgentConfigResult;
}): Promise<TaskOutcome> {
  const { deps, input, pull, configResult, marker } = params;
  const { client } = deps;
  const { owner, repo } = input.repository;
  const { pullNumber } = input;
  const decision = deploysOnMerge(marker);
  if (!decision.deploy) return { status: 'ignored', reason: `no deploy on merge: ${decision.reason}` };
  if (!pull.merged || !pull.merged_at) {
    return { status: 'ignored', reason: `pull request #${pullNumber} is not merged` };
  }
  if (wasHandled(marker.handled_triggers, mergeTriggerKey(pullNumber))) {
    return { status: 'ignored', reason: `the merge of #${pullNumber} was already handled` };
  }
  const mergedAt = pull.merged_at;
  const authority = await deploymentAuthorityOf(deps.trust, deps.repositoryId);
  const trigger = { mergeOf: pullNumber };
  const earlier = await findTriggerDeployment({ client, owner, repo, trigger, since: mergedAt, authority });
  if (earlier) {
    return {
      status: 'ignored',
      reason: `the merge of #${pullNumber} was already deployed as deployment ${earlier.id} to ${earlier.environment}`,
    };
  }
  /** The outcome answered on the pull request: how it was merged, where to, and what came of it. */
  const answer = async (
    outcome: TaskOutcome,
    said: { target?: MergeDeployTarget; mergedBy?: string } = {},
  ): Promise<TaskOutcome> => {
    if (!('message' in outcome) || outcome.message === undefined) return outcome;
    const { target } = said;
    const mergedBy = said.mergedBy ?? 'in automated mode';
    const where = target === undefined ? '' : targetNote(target);
    const body =
      outcome.status === 'deployment_created'
        ? `Merged ${mergedBy}. ${outcome.message}${where}`
        : `#${pullNumber} was merged ${mergedBy}, but nothing was deployed` +
          `${target === undefined ? '' : ` to ${codeSpan(target.environment)}`}: ${outcome.message}${where}`;
    await reply({ client, owner, repo, issueNumber: pullNumber, body });
    return { ...outcome, message: body };
  };
  // DESIGN §5b: like merge-when-green, the agent ships only a head it validated. A person's push
  // merged before its synchronize was handled (or by the auto-merge the agent armed) never was.
  const validation = await readChecksVerdict({
    client,
    owner,
    repo,
    sha: pull.head.sha,
    agentAppSlug: agentAppSlugOf(await deps.trust.identity()),
  });
  const unvalidated = validationRefusal(validation.validation, pull.head.sha);
  if (unvalidated !== undefined) {
    return answer({
      status: 'refused',
      message: `${unvalidated}, so it is not deployed on merge. Review what was merged and deploy it with \`/deploy <environment>\`.`,
    });
  }
  if (!configResult.ok) {
    return answer({ status: 'refused', message: formatConfigProblems(configResult.problems) });
  }
  const requested =
    marker.environment === undefined
      ? await readRequestTarget({ client, owner, repo, issueNumber: input.issueNumber, marker })
      : undefined;
  const target = mergeDeployTarget({
    recorded: marker.environment,
    requested,
    deployOrder: configResult.config.deploy_order,
  });
  if (target === undefined) {
    return answer({
      status: 'refused',
      message:
        'the task records no target environment, its request text is not the one it generated from, ' +
        'and the config names no `deploy_order` to take the first environment of. Deploy it with `/deploy <environment>`.',
    });
  }
  const merger = pull.merged_by?.login;
  if (merger === undefined) {
    return answer({ status: 'refused', message: 'GitHub does not say who merged it.' }, { target });
  }
  const actor = await mergeActor({ client, trust: deps.trust, owner, repo, merger, marker });
  if (!actor.ok) {
    return answer({ status: 'refused', message: actor.message }, { target, mergedBy: 'by the agent' });
  }
  const mergedBy = actor.mergedByAgent === undefined ? undefined : `by the agent for ${mention(actor.login)}`;
  return answer(
    await requestDeployment({
      deps,
      config: configResult.config,
      request: {
        repository: input.repository,
        environment: target.environment,
        dryRun: false,
        requester: { login: actor.login, permission: actor.permission },
        source: { issueNumber: pullNumber, onPullRequest: true },
        requestedAt: mergedAt,
        trigger,
        automated: true,
        ...(actor.mergedByAgent === undefined ? {} : { mergedByAgent: actor.mergedByAgent }),
      },
    }),
    { target, ...(mergedBy === undefined ? {} : { mergedBy }) },
  );
}

/** Where the target came from, when it is not the one the task recorded. */
function targetNote(target: MergeDeployTarget): string {
  switch (target.source) {
    case 'task':
      return '';
    case 'request':
      return ` (The task records no target environment; ${codeSpan(target.environment)} is the request's \`target_environment\`, read from the request text the task generated from.)`;
    case 'config':
      return ` (The task records no target environment and its request text is not the one it generated from; ${codeSpan(target.environment)} is the first environment of the config's \`deploy_order\`.)`;
  }
}
