import type { AgentConfig } from '../../core/config/agent-config.js';
import type { ArtifactStore } from '../../core/stores/artifact-store.js';
import type { RequestPayload } from '../../core/request/execution-request.js';
import { requestDigest } from '../../core/idempotency/request-digest.js';
import { codeBlock } from '../../core/markdown/code-block.js';
import { renderModeDecision } from '../../core/render/mode-decision-section.js';
import { keptEditedNote } from '../../core/render/kept-edited-note.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import type { ModelProvider } from '../../generation/model-provider.js';
import type { GraphqlClient } from '../../github/graphql-client.js';
import { approvalCheckView } from '../../core/review/approval-check-view.js';
import { NO_REVIEWS } from '../../core/review/decide-approval.js';
import { publishApprovalCheck } from '../../github/publish-approval-check.js';
import { publishCheckRun } from '../../github/publish-check-run.js';
import { publishPullRequest } from '../../github/publish-pull-request.js';
import { withKeptEditedNote } from '../../core/render/kept-edited-note.js';
import { fitBody } from '../../core/markdown/fit-body.js';
import { PULL_REQUEST_BODY_LIMIT } from '../../core/markdown/github-limits.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import type { TaskClient } from '../../github/task-client.js';
import { markAnswered } from '../task/answer-on-crash.js';
import { armAfterPublish } from '../review/arm-after-publish.js';
import { disarmAutoMerge } from '../review/disarm-auto-merge.js';
import { guidedAfterPush } from '../../core/risk/guided-after-push.js';
import { guidedAfterRetarget } from '../../core/risk/guided-after-retarget.js';
import { onRecreatedBranch, RECREATED_BRANCH_RESETS } from '../../core/state/recreated-branch-resets.js';
import type { ClearableField } from '../task/marker-patch.js';
import { modeForRun } from './mode-for-run.js';
import type { ModeDecision } from '../../core/risk/effective-mode.js';
import { renderPrBody } from '../../core/render/pr-body.js';
import { reportForHead } from './report-for-head.js';
import { runsAutomated } from '../../core/state/runs-automated.js';
import { storeAttemptArtifacts } from '../mirror/store-attempt-artifacts.js';
import { ArtifactsNotStoredError } from '../mirror/artifacts-not-stored-error.js';
import { unsentArtifactsOf } from '../../core/task/unsent-artifacts-of.js';
import { githubBaseReader } from '../risk/github-base-reader.js';
import { prepareChange, type PreparedChange } from './prepare-change.js';
import type { StatusBoard } from '../task/status-board.js';
import { requesterPastBound, requesterPatch, type Requester } from '../task/requester-patch.js';
import { stopForUnknownEditors } from './stop-for-unknown-editors.js';
import { RunCancelledError } from '../control/run-cancelled-error.js';
import type { CancelWatch } from '../control/watch-for-cancel.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskOutcome } from '../task/task-outcome.js';

/**
 * A validated, permitted request on an issue → generation with repair → PR and check run, with the
 * status comment moved at each step. Any crash still leaves the task marked failed. With `cancel`,
 * a `/cancel` given meanwhile is looked for before each repair attempt, before publishing and
 * before the final move; the run then stops there, leaves the task `cancelled` and returns that.
 */
export async function runIssueTask(params: {
  client: TaskClient;
  repository: RepositoryRef;
  issueNumber: number;
  taskId: string;
  request: RequestPayload;
  config: AgentConfig;
  board: StatusBoard;
  provider: ModelProvider;
  /** Where each attempt's artifacts go (`mirrors.artifacts_bucket`); absent: nowhere. */
  artifacts?: ArtifactStore;
  log: (line: string) => void;
  /** For automated mode's auto-merge; without it the PR is left for merge-when-green and the status says so. */
  graphql?: GraphqlClient;
  /** The agent's own login: its own reviews are nobody's verdict when a re-run reads the reviews. */
  agentLogin?: string | undefined;
  /**
   * Who asked (login, and account id when the event gave it), kept on the marker for guided mode's
   * self-approval rule; absent: the marker's requester stays (a released hold keeps its asker).
   */
  requester?: Requester;
  /**
   * Where the request that runs was read: the `/implement` comment holding it (recorded as the
   * marker's `request_comment_id`, which `/retry`, `/approve` and deploys read it back from) or
   * the issue body (which clears it, so they read the body, and the body's edits count, review
   * 13m); absent: the marker's stays (a dispatched request, which is neither).
   */
  source?: { readonly commentId: number } | 'issue-body';
  /** Sees a `/cancel` given while the run goes on (`createCancelWatch`); absent: the run is not stopped. */
  cancel?: CancelWatch;
}): Promise<TaskOutcome> {
  const { board, taskId } = params;
  // Nobody who asked or wrote the request is dropped to fit the marker: past its bounds nothing runs.
  const pastBound = params.requester === undefined ? undefined : requesterPastBound(params.requester);
  if (pastBound !== undefined) {
    const { issueNumber } = params;
    return stopForUnknownEditors({
      board,
      state: board.current?.state,
      statusBody: undefined,
      taskId,
      issueNumber,
      why: pastBound,
    });
  }
  const attempt = (board.current?.attempt ?? 0) + 1;
  if (board.current?.state === 'generating' || board.current?.state === 'validating') {
    params.log(`Task ${taskId} was left ${board.current.state} by an earlier run; starting over`);
    board.pass('failed');
  }
  // The request is recorded with the generation, so a trigger asking for it again is not a new run.
  const requester = params.requester === undefined ? undefined : requesterPatch(params.requester);
  const source = params.source;
  await board.move('generating', {
    patch: {
      attempt,
      generated_from: requestDigest(params.request),
      ...requester?.patch,
      ...(source === undefined || source === 'issue-body' ? {} : { request_comment_id: source.commentId }),
    },
    clear: [...(requester?.clear ?? []), ...(source === 'issue-body' ? ['request_comment_id' as const] : [])],
    request: params.request,
  });
  try {
    return await generateAndPublish({ ...params, attempt });
  } catch (error) {
    if (error instanceof RunCancelledError && params.cancel) {
      return params.cancel.stop(error.status, { where: error.where, usage: error.usage });
    }
    const message = error instanceof Error ? error.message : String(error);
    const details = `The run stopped on an unexpected error: ${untrustedInline(message)}`;
    const told = await board
      .move('failed', {
        details,
        unhandled: true,
        outcome: { status: 'failed', taskId, issueNumber: params.issueNumber, message: details },
      })
      .then(() => true)
      .catch(() => false);
    // The status comment said it; the event handler need not say it again.
    if (told) markAnswered(error);
    throw error;
  }
}

async function generateAndPublish(
  params: Parameters<typeof runIssueTask>[0] & { attempt: number },
): Promise<TaskOutcome> {
  const { client, repository, config, board, request, issueNumber, taskId } = params;
  const { owner, repo } = repository;
  // An earlier run may have armed GitHub's auto-merge (unless a request for changes held it off):
  // this one turns it off if it runs guided.
  // So may one whose turn-off GitHub never confirmed (`auto_merge_off_pending`).
  const armedBefore =
    (runsAutomated(board.current) && board.current?.auto_merge_held !== true) ||
    board.current?.auto_merge_off_pending === true;
  const prepared = await prepareChange({
    provider: params.provider,
    request,
    config,
    context: { owner, repo, issueNumber },
    attempt: params.attempt,
    // The pull request merges into the default branch (`publishPullRequest` below).
    readBase: githubBaseReader({ client, owner, repo, ref: repository.defaultBranch }),
    onAttempt: async (n, usageSoFar) => {
      // The first attempt follows the move to generating at once; later ones are repairs worth sparing.
      if (n > 1)
        await stopIfCancelled(params, `before generation attempt ${n}`, {
          model: params.provider.name,
          usage: usageSoFar,
        });
      params.log(`Generating with ${params.provider.name} (attempt ${n})`);
    },
  });
  // The record's cost once this generation's usage is added: what the status comment, the mirror and the result show.
  const costUsd = (board.record?.cost_usd ?? 0) + prepared.generation.usage.costUsd;
  const usage = { model: prepared.generation.model, usage: prepared.generation.usage };
  await stopIfCancelled(params, 'after generation, before anything was published', usage);
  board.pass('validating');
  const { warning: artifactsWarning, unsentPaths } = await storeArtifacts({ ...params, prepared });
  // What the bucket did not take rides in the marker: the next step re-sends what it can (`resendUnsentArtifacts`).
  const unsent = (commitSha?: string) => {
    const record = unsentArtifactsOf({
      attempt: params.attempt,
      paths: unsentPaths,
      ...(commitSha ? { commitSha } : {}),
    });
    return record === undefined ? {} : { unsent_artifacts: record };
  };
  if (!prepared.ok) {
    const outcome: TaskOutcome = {
      status: 'failed',
      taskId,
      issueNumber,
      message: prepared.summary,
      costUsd,
    };
    await board.move('failed', {
      usage,
      outcome,
      patch: unsent(),
      // Findings quote model output: a code block shows them literally, and the writer cuts a long list.
      ...withWarning(
        `**${prepared.summary}** The last problems found:\n\n${codeBlock({ text: prepared.findings, language: 'text' })}`,
        artifactsWarning,
      ),
    });
    return outcome;
  }
  const { generation: outcome, names } = prepared;
  const { branch } = names;
  // A commit on the task's branch adds to what is there: its earlier risk and a person's push the
  // guard fell back on stay in the branch this run builds on (`modeAfterCommit`).
  const before = board.current;
  let judged = modeForRun({ decision: prepared.decision, request, branch, marker: before });
  let mode = judged.decision;
  const bodyFor = (decision: ModeDecision) =>
    decision.explanation === prepared.decision.explanation
      ? prepared.body
      : renderPrBody({ ...outcome, request, decision, issueNumber });
  const pull = await publishPullRequest({
    client,
    owner,
    repo,
    baseBranch: repository.defaultBranch,
    branch,
    files: outcome.bundle.files,
    commitMessage: names.commitMessage,
    title: names.title,
    body: bodyFor(mode),
    labels: pullRequestLabels(config, request),
    ...(before?.generated_commit === undefined ? {} : { previousGeneration: before.generated_commit }),
  });
  params.log(`${pull.created ? 'Opened' : 'Updated'} pull request #${pull.number} at ${pull.commitSha}`);
  if (pull.retired.length > 0)
    params.log(`Removed ${pull.retired.length} file(s) the previous generation wrote and this one does not`);
  if (pull.keptEdited.length > 0)
    params.log(
      `Kept ${pull.keptEdited.length} file(s) the previous generation wrote and this one does not, changed on the branch since: ${pull.keptEdited.join(', ')}`,
    );
  if (pull.retiredUnread !== undefined)
    params.log(`Removed no earlier files: the previous generation could not be read (${pull.retiredUnread})`);
  // What the branch held before this run, now known: a branch made anew carries none of the old
  // one's pushes (`onRecreatedBranch`), and the mode is judged again on that.
  const published = mode;
  const standing = pull.branchCreated && before !== undefined ? onRecreatedBranch(before) : before;
  if (standing !== before) {
    judged = modeForRun({ decision: prepared.decision, request, branch, marker: standing });
    mode = judged.decision;
  }
  // The check names only what the agent validated: a head it did not write gets the gates over its own files.
  const head = await reportForHead({
    client,
    owner,
    repo,
    pull,
    marker: standing,
    generated: outcome.report,
    config,
    templatePath: outcome.bundle.templatePath,
  });
  await publishCheckRun({ client, owner, repo, headSha: pull.commitSha, report: head.report });
  // Someone else's push the run built on (seen or not) stays under whatever comes next, and a pull
  // request retargeted elsewhere (its `edited` handled or not) is not the one the task was asked
  // for: either way the task runs guided, the pull request body saying why.
  const taskBase = pull.created
    ? repository.defaultBranch
    : (before?.base_branch ?? repository.defaultBranch);
  mode = guidedAfterRetarget({
    decision: guidedAfterPush({ decision: mode, unvalidatedPush: head.foreignHead }),
    pullNumber: pull.number,
    pullBase: pull.base,
    taskBase,
  });
  if (mode.explanation !== published.explanation || mode.effective !== published.effective)
    await client.pulls.update({
      owner,
      repo,
      pull_number: pull.number,
      // Redacted at the sink, as `publishPullRequest` does: the title is the request's task name.
      title: await redactSecrets(names.title),
      body: fitBody({
        body: await redactSecrets(withKeptEditedNote(bodyFor(mode), pull.keptEdited)),
        limit: PULL_REQUEST_BODY_LIMIT,
      }),
    });
  // Automated mode (asked for, or hybrid at low risk): GitHub merges once the checks pass (DESIGN §4),
  // unless a request for changes stands on the pull request (a re-run of a reviewed one).
  const arming =
    mode.effective === 'automated'
      ? await armAfterPublish({
          client,
          graphql: params.graphql,
          owner,
          repo,
          pull,
          config,
          marker: before,
          agentLogin: params.agentLogin,
          log: params.log,
        })
      : undefined;
  // A run that does not arm turns off what an earlier run armed (it runs guided, or a request for
  // changes stands whose own sync may never have run).
  const disarmed =
    armedBefore && arming?.status !== 'enabled' && arming?.status !== 'not-enabled'
      ? await disarmAutoMerge({
          graphql: params.graphql,
          owner,
          repo,
          pullNumber: pull.number,
          pullRequestId: pull.nodeId,
          log: params.log,
        })
      : undefined;
  const held = arming?.status === 'held' && disarmed?.status !== 'failed';
  const autoMergeLines = [arming?.message, disarmed?.message].filter(
    (line): line is string => line !== undefined,
  );
  const autoMerge = autoMergeLines.length === 0 ? undefined : autoMergeLines.join(' ');
  // Guided mode's checkpoint (DESIGN §4): pending on the new head until a review approves it. A
  // new PR's head is a fresh commit; an updated PR's may be the same commit, already reviewed.
  // Automated mode merges on green checks alone, so it asks for no approval.
  if (mode.effective !== 'automated') {
    const noReviewsYet = approvalCheckView({ decision: NO_REVIEWS, setAside: [], headSha: pull.commitSha });
    await publishApprovalCheck({
      client,
      owner,
      repo,
      headSha: pull.commitSha,
      view: noReviewsYet,
      fresh: pull.created,
      onlyIfMissing: true,
    });
  }
  const result: TaskOutcome = {
    status: 'pr_open',
    taskId,
    issueNumber,
    pullNumber: pull.number,
    pullUrl: pull.url,
    commitSha: pull.commitSha,
    created: pull.created,
    costUsd,
  };
  const cancelled = await params.cancel?.cancelled();
  if (cancelled && params.cancel) {
    return params.cancel.stop(cancelled, {
      where: 'after publishing its pull request',
      usage,
      pull: { number: pull.number, branch },
    });
  }
  // Kept files a person changed: said on the status comment too, not only in the log.
  const kept = keptEditedNote(pull.keptEdited);
  const decision = [
    ...(head.note === undefined ? [] : [head.note]),
    ...(kept === undefined ? [] : [kept]),
    renderModeDecision(mode),
    ...(autoMerge === undefined ? [] : [autoMerge]),
  ];
  await board.move('pr_open', {
    usage,
    outcome: result,
    patch: {
      ...unsent(pull.commitSha),
      branch,
      pull_number: pull.number,
      effective_mode: mode.effective,
      risk_level: judged.riskLevel,
      ...(head.foreignHead === undefined ? {} : { unvalidated_push: head.foreignHead }),
      // Held for a standing request for changes: the review sync turns it on once that is lifted.
      // Only what GitHub confirmed: an earlier run's auto-merge not confirmed off is no hold, and
      // the next event asks again (`auto_merge_off_pending`).
      ...(held ? { auto_merge_held: true as const } : {}),
      ...(disarmed?.status === 'failed' ? { auto_merge_off_pending: true as const } : {}),
      // Automated mode's deploy on merge deploys to the request's target (`deployOnMerge`).
      environment: request.execution_request.target_environment,
      // Merge-when-green merges only into the branch the task targeted, not one it was retargeted at.
      base_branch: taskBase,
      // The head is the agent's own commit: nobody's approval of it is set aside as its pusher's.
      ...(pull.pushed
        ? {
            last_push: { sha: pull.commitSha.toLowerCase(), by: { kind: 'agent' as const } },
            // What the next generation retires from (`publishPullRequest`); an unchanged run keeps the one before.
            generated_commit: pull.commitSha.toLowerCase(),
          }
        : {}),
      ...(outcome.bundle.templatePath === undefined ? {} : { template_path: outcome.bundle.templatePath }),
    },
    ...cleared({
      held,
      offPending: disarmed?.status === 'failed',
      branchCreated: pull.branchCreated,
      unvalidatedPush: head.foreignHead,
    }),
    ...withWarning(decision.join('\n\n'), artifactsWarning),
  });
  return result;
}

/**
 * Marker fields the run's move to `pr_open` drops: the auto-merge hold unless this run held it
 * again, the pending turn-off unless GitHub again did not confirm it, and, when the run made the
 * branch anew from the base branch (`branchCreated`: it had been deleted), every field describing
 * the old branch's pushes (`RECREATED_BRANCH_RESETS`): none of them is under the new head. A push
 * the run built on (`unvalidatedPush`) is recorded, not dropped. A commit on top of an existing
 * branch keeps them (`humanPushersAfter`).
 */
function cleared(params: {
  held: boolean;
  offPending: boolean;
  branchCreated: boolean;
  unvalidatedPush: string | undefined;
}): {
  clear?: ClearableField[];
} {
  const resets = params.branchCreated
    ? RECREATED_BRANCH_RESETS.filter(
        (field) => field !== 'unvalidated_push' || params.unvalidatedPush === undefined,
      )
    : [];
  const fields: ClearableField[] = [
    ...(params.held ? [] : ['auto_merge_held' as const]),
    ...(params.offPending ? [] : ['auto_merge_off_pending' as const]),
    ...resets,
  ];
  return fields.length === 0 ? {} : { clear: fields };
}

/** Throws `RunCancelledError` when the task was cancelled since the run began; `where` names the step. */
async function stopIfCancelled(
  params: { cancel?: CancelWatch },
  where: string,
  usage: RunCancelledError['usage'],
): Promise<void> {
  const status = await params.cancel?.cancelled();
  if (status) throw new RunCancelledError(status, usage, where);
}

/** The attempt's artifacts to the artifact store; a failure is a warning for the status comment, never the task's. */
async function storeArtifacts(
  params: Parameters<typeof generateAndPublish>[0] & { prepared: PreparedChange },
): Promise<{ warning?: string; unsentPaths: readonly string[] }> {
  if (params.artifacts === undefined) return { unsentPaths: [] };
  const { owner, repo } = params.repository;
  try {
    const stored = await storeAttemptArtifacts({
      store: params.artifacts,
      repo: `${owner}/${repo}`,
      taskId: params.taskId,
      attempt: params.attempt,
      provider: params.provider.name,
      request: params.request,
      context: { owner, repo, issueNumber: params.issueNumber },
      prepared: params.prepared,
    });
    params.log(`Stored ${stored.stored} artifacts (${stored.bytes} bytes) of attempt ${params.attempt}`);
    return { unsentPaths: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    params.log(`The artifacts of attempt ${params.attempt} could not be stored: ${reason}`);
    const unsentPaths = error instanceof ArtifactsNotStoredError ? error.paths : [];
    const later =
      unsentPaths.length > 0 ? 'the next step re-sends what it can rebuild' : 'the task went on without them';
    return {
      warning: `⚠️ The artifacts of attempt ${params.attempt} could not be stored (${untrustedInline(reason)}); ${later}.`,
      unsentPaths,
    };
  }
}

function withWarning(details: string | undefined, warning: string | undefined): { details?: string } {
  const parts = [details, warning].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? {} : { details: parts.join('\n\n') };
}

function pullRequestLabels(config: AgentConfig, request: RequestPayload): string[] {
  const exec = request.execution_request;
  return [
    config.labels.trigger,
    ...(config.labels.add_task_type ? [`task:${exec.task_type}`] : []),
    ...(config.labels.add_mode ? [`mode:${exec.execution_mode}`] : []),
  ];
}
