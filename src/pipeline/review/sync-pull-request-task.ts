import type { AgentConfig } from '../../core/config/agent-config.js';
import { DEFAULT_CONFIG } from '../../core/config/agent-config.js';
import { agentAppSlugOf } from '../../core/checks/agent-checks.js';
import { mention } from '../../core/markdown/mention.js';
import { approvalCheckView } from '../../core/review/approval-check-view.js';
import { pullRequestMove } from '../../core/review/pull-request-move.js';
import { pusherApprovalNote } from '../../core/review/pusher-approval-note.js';
import { reopenAnsweredKey, reopenedSinceCancel } from '../../core/review/reopened-since-cancel.js';
import { stoppedTaskAnswer } from '../../core/review/stopped-task-answer.js';
import type { LastPush } from '../../core/review/last-push.js';
import { humanPushersAfter, pushersPatch } from '../../core/review/human-pushers-after.js';
import { pushAuthor } from '../../core/review/push-author.js';
import { foreignPushesAfter, foreignPushesPatch, foreignPushOf } from '../../core/review/foreign-push.js';
import { unvalidatedHead } from '../../core/review/unvalidated-head.js';
import { unseenPushUnder } from '../../core/review/unseen-push-under.js';
import { reviewPolicyFor } from '../../core/review/review-policy-for.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import { canWalk, type TaskState } from '../../core/state/task-state.js';
import { publishApprovalCheck } from '../../github/publish-approval-check.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import { readReviewApproval, type ReviewApproval } from '../../github/read-review-approval.js';
import { runsAutomated } from '../../core/state/runs-automated.js';
import { taskBoardFor } from '../task/task-board-for.js';
import type { StatusBoard } from '../task/status-board.js';
import { deployOnMerge, mergeTriggerKey } from '../deploy/deploy-on-merge.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { PullRequestTaskEvent } from './classify-pull-request-event.js';
import { mergeWhenGreen } from './merge-when-green.js';
import { namePushers } from './name-pushers.js';
import { steerAutoMerge } from './steer-auto-merge.js';
import { reply } from '../task/reply.js';
import { taskIdOf } from '../../core/task/task-id-of.js';
import type { TaskStep } from '../task/task-step.js';
import { isOpen } from '../../core/task/pull-opening.js';
import { readTaskStatusFor } from '../task/read-task-status-for.js';
import { unstartableDeploySteps } from '../deploy/unstartable-deploy-steps.js';

type ReviewOutcome = Extract<TaskOutcome, { approvedBy: readonly string[] }>;

/** What a task brought up to date hands to `then`: its marker as read, its board, what GitHub had. */
export interface SyncedTask {
  readonly marker: TaskMarker;
  readonly outcome: TaskOutcome;
  /** The task's board, moved by the sync when it moved the task: later moves go through it. */
  readonly board: StatusBoard;
  readonly pull: PullRequestFacts;
  readonly config: AgentConfig;
  /** The approval rule's decision on the head; undefined once the pull request is closed. */
  readonly approval: ReviewApproval | undefined;
}

/** The fields of `pulls.get` a follow-up reads. */
export interface PullRequestFacts {
  readonly node_id?: string;
  readonly head: { readonly sha: string };
  readonly base: { readonly ref: string };
}

const OUTCOME_OF: Partial<Record<TaskState, ReviewOutcome['status']>> = {
  approved: 'approved',
  changes_requested: 'changes_requested',
  merged: 'merged',
  cancelled: 'cancelled',
};

/**
 * Brings a task up to date with its pull request as GitHub has it now (DESIGN §3, §4): merged →
 * `merged`, closed → `cancelled`, reopened → back to `pr_open` when the close cancelled it
 * (`reopenedSinceCancel`; a task stopped with `/cancel` stays cancelled, and the reopen is answered
 * once on the pull request, naming `/retry`); while open, the approval rule over
 * every review (`readReviewApproval`, with the `review` config) sets the
 * `implementation-agent/approval` check on the head and moves the task to `approved`,
 * `changes_requested` or `pr_open`; an automated task's GitHub auto-merge is held off while a
 * counted request for changes stands and turned on again, once, when none does (`steerAutoMerge`;
 * where GitHub does not take it, merge-when-green judges the head right after), the status saying
 * why; an approval the pusher rule set aside is named on the status (`pusherApprovalNote`). It
 * reads every review back, so any run catches up on reviews whose own runs were cancelled or
 * lost, and a repeat changes nothing; the review the delivery itself carries is merged into that
 * list (`withDeliveredReview`), so a verdict GitHub's list does not show yet still counts. A PR
 * counts as the task's only when the task's trusted marker names it. Once merged (on
 * `pull_request.closed`), an automated task's merge is deployed (`deployOnMerge`), whose outcome
 * is returned when it did anything; one that made no deployment (a refusal) is shown on the status
 * comment with the merge's trigger (`mergeTriggerKey`) recorded as handled, so it is answered once.
 */
export async function syncPullRequestTask(
  deps: TaskEventDependencies,
  input: PullRequestTaskEvent,
  options: {
    /**
     * Runs once the task is in sync, within the same turn on the task (manual mode's push review,
     * the automated-mode guard), with the task's board to record its own step on.
     */
    readonly then?: (synced: SyncedTask) => Promise<TaskOutcome>;
    /**
     * A push to the head the delivery does not name: the agent's own commit, pushed with a token
     * that starts no `synchronize` run. Recorded as the marker's `last_push` when it is the head.
     */
    readonly push?: LastPush;
  } = {},
): Promise<TaskOutcome> {
  const { client } = deps;
  const { owner, repo } = input.repository;
  const { issueNumber, pullNumber } = input;
  const taskId = taskIdOf({ owner, repo, issueNumber });
  const work = async (): Promise<TaskOutcome> => {
    const status = await readTaskStatusFor(deps, { owner, repo, issueNumber }, { missingIssue: 'no-task' });
    if (status?.trust !== 'trusted' || status.marker.pull_number !== pullNumber) {
      return {
        status: 'ignored',
        reason: `pull request #${pullNumber} is not the one implementation-agent's task on issue #${issueNumber} proves it opened`,
      };
    }
    const pull = (await client.pulls.get({ owner, repo, pull_number: pullNumber })).data;
    const open = pull.state === 'open';
    const headSha = pull.head.sha;
    const configResult = await readAgentConfig({ client, owner, repo });
    const config = configResult.ok ? configResult.config : DEFAULT_CONFIG;
    const agentLogin = await deps.trust.identity();
    // The head's pusher, when this run knows it better than the marker (the push being handled).
    const known = open ? pushOfHead({ input, headSha, agentLogin, given: options.push }) : undefined;
    // The push guard for reviews: a review of a head no event told the agent of is a person's push
    // first (`unseenHeadPatch`), so the review counts only under the pusher rule for that push.
    const unseen = open ? unseenHeadPatch({ input, marker: status.marker, headSha, known }) : {};
    // A `synchronize` from a head the task did not record: pushes under it were never seen.
    const hidden = open
      ? hiddenPushPatch({ input, marker: status.marker, headSha, given: options.push })
      : {};
    // Whoever pushed what the record cannot name is asked of GitHub before any review counts.
    const named = open
      ? await namePushers({
          deps,
          owner,
          repo,
          branch: pull.head.ref,
          headSha,
          marker: { ...status.marker, ...unseen, ...hidden },
          push: known,
          config,
          agentLogin,
        })
      : { patch: {} };
    const marker: TaskMarker = { ...status.marker, ...unseen, ...hidden, ...named.patch };
    const push = known ?? named.headPush;
    // Recorded even on a task that recorded none before (its marker predates push records): from
    // then on whose push the head is is known, not inferred from the agent's own commits.
    const newPush = push !== undefined && !samePush(push, status.marker.last_push) ? push : undefined;
    const record = {
      ...unseen,
      ...hidden,
      ...named.patch,
      ...(newPush === undefined ? {} : pushPatch(marker, newPush)),
    };
    const recording = Object.keys(record).length > 0;
    const approval = open
      ? await decideAndShowApproval({ deps, input, headSha, config, marker, push })
      : undefined;
    const from = status.marker.state;
    const path = pullRequestMove({
      from,
      pull: { open, merged: pull.merged },
      review: {
        approved: approval?.approved ?? false,
        changesRequested: (approval?.changesRequestedBy.length ?? 0) > 0,
      },
      reopened: reopenedSinceCancel({ marker: status.marker }),
    });
    const to = path.at(-1) ?? from;
    if (!canWalk(from, path)) {
      deps.log(
        `Task ${taskId} is ${from}; ${input.event} on #${pullNumber} would move it to ${to}, which it cannot`,
      );
      return {
        status: 'ignored',
        reason: `the task on issue #${issueNumber} is ${from.replaceAll('_', ' ')}; ${input.event} does not move it`,
      };
    }
    const described = describe({ to, from, pullNumber, issueNumber, open, headSha, approval });
    // A task stopped with `/cancel` stays cancelled across a close and reopen of its pull request:
    // the reopen is answered (once per close), naming `/retry`.
    const stoppedHere = from === 'cancelled' && path.length === 0 && !pull.merged;
    // A pull request a `/cancel` left open, closed now: recorded, so its reopen is a new opening.
    const closedUnrecorded =
      stoppedHere && !open && isOpen({ ...status.marker, status: status.marker.state }, pullNumber);
    const stopped =
      (stoppedHere
        ? stoppedTaskAnswer({
            event: input.event,
            sender: input.sender,
            marker: status.marker,
            open,
            pullNumber,
            issueNumber,
          })
        : undefined) ??
      (closedUnrecorded
        ? { details: `Pull request #${pullNumber} was closed; the task stays cancelled.` }
        : undefined);
    if (stopped !== undefined) {
      const board = taskBoardFor(deps, {
        owner,
        repo,
        issueNumber,
        taskId,
        existing: status,
        config,
        trigger: reopenAnsweredKey(pullNumber),
      });
      await board.move('cancelled', {
        details: stopped.details,
        ...(stopped.reply === undefined ? { unhandled: true } : {}),
        // The pull request a `/cancel` left open is closed now: a reopen of it is a new opening.
        ...(closedUnrecorded ? { steps: [pullClosedStep(pullNumber)] } : {}),
      });
      if (stopped.reply !== undefined)
        await reply({ client, owner, repo, issueNumber: pullNumber, body: stopped.reply });
      return {
        status: 'cancelled',
        taskId,
        issueNumber,
        pullNumber,
        headSha,
        approvedBy: [],
        message: stopped.details,
      };
    }
    // A writer's request for changes on a task that merges by itself: GitHub's auto-merge the agent
    // armed would merge past it on green checks, so it is turned off, once, and turned on again once
    // no request stands (`steerAutoMerge`).
    const steered = await steerAutoMerge({
      deps,
      owner,
      repo,
      pullNumber,
      pullRequestId: pull.node_id,
      marker: status.marker,
      to,
      open,
      headSha,
      approval,
      config,
    });
    if (steered?.mergeWhenGreen === true) judgeGreen = headSha;
    const message = steered === undefined ? described : `${described} ${steered.message}`;
    // A held task's merge is not the automated run's: the held request never ran, so no deploy on merge.
    const merging = to === 'merged' && from !== 'held' && input.event === 'pull_request.closed';
    // The review's steps go where every step goes: the marker's record, the mirrors, the bus. A
    // merge's trigger is recorded as handled only once its deploy on merge answered (below).
    const board = taskBoardFor(deps, {
      owner,
      repo,
      issueNumber,
      taskId,
      existing: status,
      config,
      ...(merging ? { trigger: mergeTriggerKey(pullNumber) } : {}),
    });
    // A new push is recorded even when the task does not move: whose push the head is decides
    // whose approval of it counts, for `/deploy` and merge-when-green too. When the task does not
    // move here, the follow-up's own move carries it (one write), else it is written after.
    const autoMergeMarks = steered?.patch !== undefined || steered?.clear !== undefined;
    // An approval the pusher rule set aside is named on the status comment even when the task does
    // not move (`pusherApprovalNote`), once: a status that already says it is not written again.
    // Not on a task that runs automated: it shows no approval check, so no approval is awaited.
    const aside =
      to === 'pr_open' && approval !== undefined && !runsAutomated(status.marker)
        ? pusherApprovalNote({ setAside: approval.setAside, headSha, decision: approval })
        : undefined;
    const renote = path.length === 0 && aside !== undefined && !status.body.includes(aside);
    const deferPush =
      path.length === 0 && !autoMergeMarks && !renote && recording && options.then !== undefined;
    if (path.length > 0 || autoMergeMarks || renote || (recording && !deferPush)) {
      for (const state of path.slice(0, -1)) board.pass(state);
      // A close that cancels the task is what a reopen undoes (`reopenedSinceCancel`).
      const closing = to === 'cancelled' && path.length > 0;
      const patch = {
        ...record,
        ...(closing ? { cancelled_by_close: true as const } : {}),
        ...steered?.patch,
      };
      await board.move(to, {
        ...(steered?.clear === undefined ? {} : { clear: steered.clear }),
        // Closed on GitHub, not only cancelled: what tells a reopen (a new opening) from a `/retry`.
        ...(closing ? { steps: [pullClosedStep(pullNumber)] } : {}),
        details: message,
        ...(merging ? { unhandled: true } : {}),
        ...(Object.keys(patch).length === 0 ? {} : { patch }),
      });
      // A run generating again meanwhile must not publish onto the merged pull request's branch:
      // in the app it sees this signal at its next step and reads the merge back (`createCancelWatch`).
      if (to === 'merged' && (from === 'generating' || from === 'validating'))
        deps.cancelSignals?.raise(taskId);
    }
    if (merging) {
      // Automated mode deploys what was merged (`deployOnMerge`); a redelivery deploys nothing more.
      const deployed = await deployOnMerge({ deps, input, marker: status.marker, pull, configResult });
      if (deployed.status === 'ignored') deps.log(`No deploy on merge of #${pullNumber}: ${deployed.reason}`);
      else {
        // A refusal made no deployment for `merge_of` to find: the marker remembers it was answered.
        // A created deployment is left to its deploy run, which writes the status comment itself.
        if (deployed.status !== 'deployment_created' && board.current?.state === 'merged') {
          const said =
            'message' in deployed && deployed.message !== undefined ? `\n\n${deployed.message}` : '';
          // A deployment no run can start is reported by nobody else: its environment says so here.
          const steps = unstartableDeploySteps(deployed);
          await board.move('merged', {
            details: `${message}${said}`,
            outcome: deployed,
            ...(steps.length === 0 ? {} : { steps }),
          });
        }
        return deployed;
      }
    }
    const outcome: TaskOutcome = {
      status: OUTCOME_OF[to] ?? 'awaiting_review',
      taskId,
      issueNumber,
      pullNumber,
      headSha,
      approvedBy: approval?.approved ? approval.approvedBy : [],
      message,
    };
    if (!options.then) return outcome;
    if (!deferPush) return options.then({ marker: status.marker, outcome, board, pull, config, approval });
    const carrying = carryingPush(board, record);
    const followed = await options.then({
      marker: status.marker,
      outcome,
      board: carrying.board,
      pull,
      config,
      approval,
    });
    if (carrying.pending() && board.current !== undefined)
      await board.move(board.current.state, { details: message, patch: record });
    return followed;
  };
  // Set when auto-merge was turned back on but GitHub did not take it: merge-when-green judges the
  // head now (its checks may have finished long ago), after this turn on the task.
  let judgeGreen: string | undefined;
  const synced = await (deps.tasks ? deps.tasks.run(taskId, work) : work());
  if (judgeGreen === undefined) return synced;
  const merged = await mergeWhenGreen(deps, {
    kind: 'checks-completed',
    repository: input.repository,
    sha: judgeGreen,
  });
  return merged.status === 'ignored' ? synced : merged;
}

/**
 * The approval rule for the head, the decision the task moves by; shown as the approval check only
 * when the task runs guided (not `runsAutomated`): an automated task merges on green checks
 * alone, and a pending guided-mode check on its PR would say otherwise.
 */
async function decideAndShowApproval(params: {
  deps: TaskEventDependencies;
  input: PullRequestTaskEvent;
  headSha: string;
  config: AgentConfig;
  marker: TaskMarker;
  push: LastPush | undefined;
}): Promise<ReviewApproval> {
  const { deps, input, headSha, config } = params;
  const { owner, repo } = input.repository;
  const decision = await readReviewApproval({
    client: deps.client,
    owner,
    repo,
    pullNumber: input.pullNumber,
    headSha,
    // What the delivery proves counts even before GitHub's list shows it (the REST read may lag).
    delivered: input.review,
    policy: reviewPolicyFor({
      review: config.review,
      marker: params.marker,
      agentLogin: await deps.trust.identity(),
      push: params.push,
    }),
  });
  if (runsAutomated(params.marker)) return decision;
  const view = approvalCheckView({ decision, setAside: decision.setAside, headSha });
  await publishApprovalCheck({
    client: deps.client,
    owner,
    repo,
    headSha,
    view,
    agentAppSlug: agentAppSlugOf(await deps.trust.identity()),
  });
  return decision;
}

/**
 * The push that made `headSha`, when this run knows it: the one `given` (the agent's own), or a
 * `pull_request.synchronize` delivery naming the current head, its pusher the delivery's `sender`
 * (`pushAuthor`: GitHub's record, never commit text). A delivery of an older head is not the
 * head's push: a newer one's delivery records that.
 */
function pushOfHead(params: {
  input: PullRequestTaskEvent;
  headSha: string;
  agentLogin: string | undefined;
  given: LastPush | undefined;
}): LastPush | undefined {
  const { input, given, agentLogin } = params;
  const head = params.headSha.toLowerCase();
  if (given !== undefined) return given.sha === head ? given : undefined;
  if (input.event !== 'pull_request.synchronize' || input.headSha !== head || input.sender === undefined)
    return undefined;
  return { sha: head, by: pushAuthor({ sender: input.sender, agentLogin }) };
}

/**
 * The push guard for review events (`pull_request_review`, `pull_request_review_comment`): a
 * review of a head the agent never recorded (`unvalidatedHead`, not seen: no `synchronize` of it
 * was handled — a push while the pull request was closed, a lost delivery) means someone other than
 * the agent pushed it, so it is recorded as for a person's push (`unvalidated_push`: the task runs
 * guided; an automated task falls back in `guardAutomatedPullRequest`), and its pusher is asked of
 * GitHub (`namePushers`) before the review counts. Other events: nothing.
 */
function unseenHeadPatch(params: {
  input: PullRequestTaskEvent;
  marker: TaskMarker;
  headSha: string;
  /** The head's push this run knows (the agent's own commit just pushed): it is not unseen. */
  known: LastPush | undefined;
}): Pick<TaskMarker, 'unvalidated_push'> {
  if (!params.input.event.startsWith('pull_request_review')) return {};
  const marker = params.known === undefined ? params.marker : { ...params.marker, last_push: params.known };
  const unseen = unvalidatedHead({ marker, head: params.headSha });
  return unseen === undefined || unseen.seen ? {} : { unvalidated_push: unseen.sha };
}

/**
 * For a `pull_request.synchronize` of the current head (not the agent's own push this run knows),
 * the push it moved the branch from when the task never recorded it (`unseenPushUnder`), recorded
 * among `foreign_pushes` without a pusher: `namePushers` then asks GitHub who made it and what is
 * under it, and until GitHub says, two writers must approve. Past the list's bound, `trust_lost`
 * too (`foreignPushesPatch`). Other events: nothing.
 */
function hiddenPushPatch(params: {
  input: PullRequestTaskEvent;
  marker: TaskMarker;
  headSha: string;
  given: LastPush | undefined;
}): Pick<TaskMarker, 'foreign_pushes' | 'trust_lost'> | Record<string, never> {
  const { input, marker } = params;
  const head = params.headSha.toLowerCase();
  if (input.event !== 'pull_request.synchronize' || input.headSha !== head || params.given !== undefined)
    return {};
  const sha = unseenPushUnder({ marker, before: input.before, after: head });
  return sha === undefined
    ? {}
    : foreignPushesPatch(foreignPushesAfter({ recorded: marker.foreign_pushes, pushes: [{ sha }] }));
}

/**
 * What recording `push` writes on the marker: it as `last_push`, and everyone but the agent who
 * pushed so far (`human_pushers`, `humanPushersAfter`), kept when the agent commits on top;
 * `trust_lost` when they, or the pushes recorded (`foreignPushesPatch`), are more than it keeps.
 */
function pushPatch(
  marker: TaskMarker,
  push: LastPush,
): Pick<TaskMarker, 'last_push' | 'human_pushers' | 'trust_lost' | 'foreign_pushes'> {
  const pushers = pushersPatch(humanPushersAfter({ marker, push }));
  // Who pushed a head stays known once the agent commits on top (`unknownPusherPushes`): this
  // push's pusher, and the one of the push it replaces as `last_push`.
  // Each with its pusher's account id and, for a bot's push, that it names no person.
  const named = [marker.last_push, push].flatMap((entry) => foreignPushOf(entry) ?? []);
  const foreign =
    named.length === 0
      ? undefined
      : foreignPushesPatch(foreignPushesAfter({ recorded: marker.foreign_pushes, pushes: named }));
  return {
    last_push: push,
    ...pushers,
    ...(foreign === undefined ? {} : { foreign_pushes: foreign.foreign_pushes }),
    ...(foreign?.trust_lost === true ? { trust_lost: true } : {}),
  };
}

/** `board`, whose next move also records `push` (`pushPatch`, what `namePushers` found, a review's unseen head). */
function carryingPush(
  board: StatusBoard,
  push: Partial<TaskMarker>,
): { board: StatusBoard; pending: () => boolean } {
  let pending = true;
  const carrying: StatusBoard = {
    get current() {
      return board.current;
    },
    get record() {
      return board.record;
    },
    pass: (state) => board.pass(state),
    recordSteps: (steps) => board.recordSteps(steps),
    move: (state, moveOptions = {}) => {
      const patch = pending ? { ...moveOptions.patch, ...push } : moveOptions.patch;
      pending = false;
      return board.move(state, { ...moveOptions, ...(patch === undefined ? {} : { patch }) });
    },
  };
  return { board: carrying, pending: () => pending };
}

function samePush(a: LastPush, b: LastPush | undefined): boolean {
  if (b === undefined || a.sha !== b.sha || a.by.kind !== b.by.kind) return false;
  if (a.by.kind === 'agent' || b.by.kind === 'agent') return true;
  // A push recorded before ids were kept is the same push when the login is the same.
  const sameId = a.by.id === undefined || b.by.id === undefined || a.by.id === b.by.id;
  return a.by.login === b.by.login && sameId;
}

/** One paragraph for the status comment: where the task stands and who moved it there. */
function describe(params: {
  to: TaskState;
  from: TaskState;
  pullNumber: number;
  issueNumber: number;
  open: boolean;
  headSha: string;
  approval: ReviewApproval | undefined;
}): string {
  const pr = `pull request #${params.pullNumber}`;
  const head = `\`${params.headSha.slice(0, 7)}\``;
  const logins = (list: readonly string[]) => list.map(mention).join(', ');
  switch (params.to) {
    case 'approved':
      return `Approved by ${logins(params.approval?.approvedBy ?? [])} at ${head}; ${pr} can be merged and deployed.`;
    case 'changes_requested':
      return `${logins(params.approval?.changesRequestedBy ?? [])} requested changes on ${pr}.`;
    case 'merged':
      return params.from === 'held'
        ? `${pr} was merged while a new request waited for a maintainer's \`/approve\`: that request was never run, and nothing is deployed on merge (deploy with \`/deploy <environment>\`).`
        : `${pr} was merged.`;
    case 'cancelled':
      return params.open
        ? `The task is cancelled; ${pr} stays open and changes nothing until \`/retry\` on issue #${params.issueNumber} runs the task again.`
        : `${pr} was closed without merging; reopen it to carry on.`;
    default: {
      const waiting = `${pr} is waiting for an approving review of ${head} from someone with write access.`;
      const setAside =
        params.approval === undefined
          ? undefined
          : pusherApprovalNote({
              setAside: params.approval.setAside,
              headSha: params.headSha,
              decision: params.approval,
            });
      return setAside === undefined ? waiting : `${waiting} ${setAside}`;
    }
  }
}

/** The record's step for a pull request closed on GitHub without a merge (`pullOpening`). */
function pullClosedStep(pullNumber: number): TaskStep {
  return { type: 'pull_closed', pull_number: pullNumber };
}
