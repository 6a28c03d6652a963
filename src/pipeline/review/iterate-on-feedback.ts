import { DEFAULT_CONFIG } from '../../core/config/agent-config.js';
import { judgeFeedbackAuthor, machineAuthor } from '../../core/feedback/judge-feedback-author.js';
import { iterationBound } from '../../core/feedback/iteration-bound.js';
import { whyFeedbackIsNotTaken } from '../../core/feedback/why-feedback-is-not-taken.js';
import { boundRevisionFiles } from '../../core/feedback/bound-revision-files.js';
import {
  FREE_TEXT_OFFLINE,
  planFeedbackChanges,
  type FeedbackPlan,
} from '../../core/feedback/plan-feedback-changes.js';
import { feedbackTriggerKey, type ReviewFeedback } from '../../core/feedback/review-feedback.js';
import { recordTrigger, wasHandled } from '../../core/idempotency/handled-triggers.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { RepositoryPermission } from '../../core/deploy/repository-permission.js';
import { mention } from '../../core/markdown/mention.js';
import { editedFeedbackAnswer } from '../../core/feedback/edited-feedback.js';
import { postComment } from '../../github/post-comment.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import { readBranchTexts } from '../../github/read-branch-texts.js';
import { readPullRequestFiles } from '../../github/read-pull-request-files.js';
import {
  describeUnreadFeedback,
  readReviewFeedback,
  type DatedFeedback,
} from '../../github/read-review-feedback.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { PullRequestTaskEvent } from './classify-pull-request-event.js';
import { pushFeedbackCommit } from './push-feedback-commit.js';
import { unvalidatedHead } from '../../core/review/unvalidated-head.js';
import type { CommitJudgement } from './judge-agent-commit.js';
import { answerFeedback } from './answer-feedback.js';
import { reviseFreeText } from './revise-free-text.js';
import { gatePolicyFrom } from '../../core/gates/gate-policy.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { storeRevisionExchange } from '../mirror/store-revision-exchange.js';
import { taskBoardFor } from '../task/task-board-for.js';
import { cancelWatchFor } from '../control/cancel-watch-for.js';
import { taskIdOf } from '../../core/task/task-id-of.js';
import { suggestionAuthors } from '../../core/feedback/suggestion-authors.js';
import { pushersAfter, pushersPatch } from '../../core/review/human-pushers-after.js';
import { readTaskStatusFor } from '../task/read-task-status-for.js';

/** What free text gets with a provider other than the offline one that cannot revise files. */
const FREE_TEXT_NO_REVISE =
  'The configured model provider cannot rewrite code from free text; only ```suggestion blocks are applied. ' +
  'A person with write access can make this change on the branch.';

/** Before the model answers, what free text gets; the model's answer replaces it (`reviseFreeText`). */
const FREE_TEXT_PENDING = 'Sent to the model to revise.';

/**
 * Review feedback → one new commit on the pull request's branch (DESIGN §1, §5a; issue #9 item 3).
 * Every piece of feedback not yet taken in is read back from GitHub (`readReviewFeedback`), so a
 * run catches up on feedback whose own run was cancelled, and each is taken in once (its trigger
 * key in the marker's `handled_triggers`, GitHub's time in `feedback_since`). Feedback from people
 * without write access, bots and the agent itself changes nothing (`judgeFeedbackAuthor`); people
 * are told why once. Suggestion blocks are applied byte-exactly; free text goes to the provider's
 * `revise` (Bedrock) with only the files it touches, or is answered honestly by a provider
 * without one (offline). Within `review.max_iterations` the changed files pass the gates and are
 * pushed as one commit; each thread is answered and the fixed ones resolved; the task moves
 * through `generating` and `validating` back to `pr_open` with the attempt and iteration bumped
 * and the model's usage added. A head the commit builds on that the agent did not validate
 * (`unvalidatedHead`: e.g. a push whose `synchronize` never reached it) is recorded as
 * `unvalidated_push` and judged as a person's push: the task runs guided. A merge or `/cancel` the
 * run reads back after the model's revision (`cancelWatchFor`) stops it before it pushes: the
 * task stays merged (or cancelled) and the stop is recorded. Runs under the task mutex.
 */
export async function iterateOnFeedback(
  deps: TaskEventDependencies,
  input: PullRequestTaskEvent,
): Promise<TaskOutcome> {
  const { client } = deps;
  const { owner, repo } = input.repository;
  const { issueNumber, pullNumber } = input;
  const taskId = taskIdOf({ owner, repo, issueNumber });
  const work = async (): Promise<TaskOutcome> => {
    const status = await readTaskStatusFor(deps, { owner, repo, issueNumber }, { missingIssue: 'no-task' });
    if (status?.trust !== 'trusted' || status.marker.pull_number !== pullNumber)
      return {
        status: 'ignored',
        reason: `pull request #${pullNumber} is not implementation-agent's task's`,
      };
    const marker = status.marker;
    const pull = (await client.pulls.get({ owner, repo, pull_number: pullNumber })).data;
    if (pull.state !== 'open') return { status: 'ignored', reason: `pull request #${pullNumber} is closed` };
    const agentLogin = await deps.trust.identity();
    const read = await readReviewFeedback({
      client,
      owner,
      repo,
      pullNumber,
      agentLogin,
      ...(marker.feedback_since === undefined ? {} : { since: marker.feedback_since }),
    });
    const unread = describeUnreadFeedback(read, pullNumber);
    if (unread !== undefined) deps.log(unread);
    const pending = read.items.filter((item) => isNew(item, marker));
    if (pending.length === 0)
      return { status: 'ignored', reason: `no review feedback on #${pullNumber} is left to take in` };
    const notTaken = whyFeedbackIsNotTaken({ state: marker.state, issueNumber });
    if (notTaken !== undefined)
      return answerNotTaken({ deps, owner, repo, issueNumber, pullNumber, status, pending, why: notTaken });
    const configResult = await readAgentConfig({ client, owner, repo });
    const config = configResult.ok ? configResult.config : DEFAULT_CONFIG;
    const { counted, refusals } = await judgeAll({ deps, owner, repo, agentLogin, pending });
    const texts = await readBranchTexts({
      client,
      owner,
      repo,
      sha: pull.head.sha,
      paths: [...new Set(counted.flatMap((item) => item.comments.map((comment) => comment.path)))],
    });
    const provider = deps.providerFor(config);
    const freeTextAnswer =
      provider.revise !== undefined
        ? FREE_TEXT_PENDING
        : provider.name === 'offline'
          ? FREE_TEXT_OFFLINE
          : FREE_TEXT_NO_REVISE;
    const bound = iterationBound({
      done: marker.feedback_iterations ?? 0,
      max: config.review.max_iterations,
    });
    const planned = planFeedbackChanges({
      feedback: counted,
      files: texts,
      headSha: pull.head.sha,
      freeTextAnswer,
    });
    // Free text that names no file (a review body, `/implement`) may change the pull request's own files.
    const bodies =
      provider.revise !== undefined && bound.allowed && planned.freeText.some((item) => !item.comment);
    const policy = gatePolicyFrom(config);
    const { shown, withheld } = boundRevisionFiles({
      files: bodies
        ? await withPullRequestFiles({ deps, owner, repo, pullNumber, headSha: pull.head.sha, texts, config })
        : texts,
      maxFiles: policy.maxFiles,
      maxFileBytes: policy.maxFileBytes,
      maxTotalBytes: policy.maxTotalBytes,
    });
    const revision = await reviseFreeText({
      provider,
      plan: planned,
      current: shown,
      withheld,
      context: { owner, repo, issueNumber },
      task: taskOf(marker),
      blocked: bound.allowed ? undefined : bound.message,
      log: deps.log,
    });
    // The model call may take minutes: a merge (or a `/cancel`) written meanwhile stops the run before
    // it pushes onto the merged pull request's branch, as it stops an implement run (`CancelWatch`).
    const cancel = cancelWatchFor(deps, { owner, repo, issueNumber, taskId, config });
    const stopped = revision.plan.files.size > 0 && bound.allowed ? await cancel.cancelled() : undefined;
    if (stopped !== undefined)
      return cancel.stop(stopped, {
        where: 'before pushing its revision for review feedback',
        usage: revision.usage,
      });
    let plan: FeedbackPlan = revision.plan;
    const notes = [...refusals, ...revision.notes, ...(unread === undefined ? [] : [unread])];
    let pushed: string | undefined;
    let judgement: CommitJudgement | undefined;
    // The commit builds on the pull request's head: one the agent did not validate (a push whose
    // `synchronize` never reached it) is handled as a person's push — the commit's check covers every
    // file, the commit is judged guided, and the head is recorded (`unvalidatedHead`).
    const under = unvalidatedHead({ marker, head: pull.head.sha });
    const standing = under === undefined ? marker : { ...marker, unvalidated_push: under.sha };
    if (plan.files.size > 0) {
      const push = bound.allowed
        ? await pushFeedbackCommit({
            deps,
            owner,
            repo,
            branch: pull.head.ref,
            headSha: pull.head.sha,
            pullNumber,
            pullRequestId: pull.node_id,
            plan,
            config,
            marker: standing,
            baseRef: pull.base.ref,
            ...(revision.summary === undefined ? {} : { summary: revision.summary }),
          })
        : { ok: false as const, reason: bound.message };
      if (push.ok) {
        pushed = push.commitSha;
        judgement = push.judgement;
      } else {
        notes.push(push.reason);
        plan = withdrawFixes(plan, push.reason);
      }
    }
    await answerFeedback({ deps, owner, repo, pullNumber, plan, notes, resolve: pushed !== undefined });
    const handled = pending.reduce(
      (list, item) => recordTrigger(list, feedbackTriggerKey(item.feedback)),
      marker.handled_triggers ?? [],
    );
    const since = pending.reduce(
      (latest, item) => (item.at > latest ? item.at : latest),
      marker.feedback_since ?? '',
    );
    const board = taskBoardFor(deps, {
      owner,
      repo,
      issueNumber,
      taskId,
      existing: status,
      config,
    });
    // A pushed revision starts its own attempt; one that pushed nothing belongs to the current one.
    const audit = await storeRevisionExchange({
      store: deps.mirrors?.forConfig(config).artifacts,
      repo: `${owner}/${repo}`,
      taskId,
      attempt: pushed ? marker.attempt + 1 : Math.max(marker.attempt, 1),
      call: pushed ? '1' : `revision-${since.replace(/[^0-9TZ]/g, '')}`,
      exchange: revision.exchange,
    });
    const message = pushed
      ? `Pushed \`${pushed.slice(0, 7)}\` to pull request #${pullNumber} for review feedback: ${describeFixes(plan)}.`
      : `Review feedback on pull request #${pullNumber} was answered; nothing was pushed.`;
    if (pushed) {
      board.pass('generating');
      board.pass('validating');
    }
    await board.move(pushed ? 'pr_open' : marker.state, {
      patch: {
        handled_triggers: handled,
        feedback_since: since,
        ...(pushed
          ? { attempt: marker.attempt + 1, feedback_iterations: (marker.feedback_iterations ?? 0) + 1 }
          : {}),
        // The commit was judged for risk like a generation: the task's mode and risk as it now stands.
        ...judgement?.patch,
        ...(pushed && under !== undefined ? { unvalidated_push: under.sha } : {}),
        // A suggestion committed byte for byte is its author's push (as "Commit suggestion" is).
        ...(pushed ? suggestionPushers(marker, counted, plan, new Map([...texts, ...shown])) : {}),
      },
      details: [message, judgement?.details, audit].filter((part) => part !== undefined).join('\n\n'),
      ...(revision.usage === undefined ? {} : { usage: revision.usage }),
    });
    if (!pushed) return { status: 'answered', message };
    return {
      status: 'pr_open',
      reasonCode: 'pr_updated',
      taskId,
      issueNumber,
      pullNumber,
      pullUrl: `https://github.com/${owner}/${repo}/pull/${pullNumber}`,
      commitSha: pushed,
      created: false,
      costUsd: board.record?.cost_usd ?? marker.cost_usd + (revision.usage?.usage.costUsd ?? 0),
    };
  };
  return deps.tasks ? deps.tasks.run(taskId, work) : work();
}

/**
 * Feedback the task's state does not take in (`whyFeedbackIsNotTaken`): one comment on the pull
 * request naming its authors and why, and the feedback recorded as handled (its triggers and
 * `feedback_since`) with the state left as it is, so it is answered once and never applied later.
 */
async function answerNotTaken(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  issueNumber: number;
  pullNumber: number;
  status: StatusCommentRef & { marker: TaskMarker };
  pending: readonly DatedFeedback[];
  why: string;
}): Promise<TaskOutcome> {
  const { deps, owner, repo, status, pending, pullNumber } = params;
  const marker = status.marker;
  const authors = [...new Set(pending.map((item) => mention(item.feedback.author.login)))];
  const message = `Review feedback on pull request #${pullNumber} changes nothing: ${params.why}.`;
  await postComment({
    client: deps.client,
    owner,
    repo,
    issueNumber: pullNumber,
    body: `${authors.join(' ')}: ${message}`,
  });
  const board = taskBoardFor(deps, {
    owner,
    repo,
    issueNumber: params.issueNumber,
    taskId: marker.task_id,
    existing: status,
    config: await readAgentConfig({ client: deps.client, owner, repo }).then((read) =>
      read.ok ? read.config : DEFAULT_CONFIG,
    ),
  });
  await board.move(marker.state, {
    patch: {
      handled_triggers: pending.reduce(
        (list, item) => recordTrigger(list, feedbackTriggerKey(item.feedback)),
        marker.handled_triggers ?? [],
      ),
      feedback_since: pending.reduce(
        (latest, item) => (item.at > latest ? item.at : latest),
        marker.feedback_since ?? '',
      ),
    },
    details: message,
  });
  return { status: 'answered', message };
}

/** What the task is, as its record names it: the model's context for a revision. */
function taskOf(marker: TaskMarker): { name?: string; type?: string; mode?: string } {
  return {
    ...(marker.task_name === undefined ? {} : { name: marker.task_name }),
    ...(marker.task_type === undefined ? {} : { type: marker.task_type }),
    ...(marker.execution_mode === undefined ? {} : { mode: marker.execution_mode }),
  };
}

/** Not taken in yet: newer than the last feedback taken in, or as new and not recorded as handled. */
function isNew(item: DatedFeedback, marker: TaskMarker): boolean {
  const since = marker.feedback_since;
  if (since !== undefined && item.at < since) return false;
  return !wasHandled(marker.handled_triggers, feedbackTriggerKey(item.feedback));
}

/** Splits the feedback into what counts and, for people whose feedback does not, one answer each. */
async function judgeAll(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  agentLogin: string | undefined;
  pending: readonly DatedFeedback[];
}): Promise<{ counted: ReviewFeedback[]; refusals: string[] }> {
  const permissions = new Map<string, Promise<RepositoryPermission>>();
  const counted: ReviewFeedback[] = [];
  const refusals: string[] = [];
  for (const { feedback, edited, refused } of params.pending) {
    const login = feedback.author.login;
    const permission: Promise<RepositoryPermission> =
      machineAuthor({ author: feedback.author, agentLogin: params.agentLogin }) !== undefined
        ? Promise.resolve('none')
        : (permissions.get(login.toLowerCase()) ??
          repositoryPermissionLevel({
            client: params.deps.client,
            owner: params.owner,
            repo: params.repo,
            username: login,
          }));
    permissions.set(login.toLowerCase(), permission);
    const standing = judgeFeedbackAuthor({
      author: feedback.author,
      permission: await permission,
      agentLogin: params.agentLogin,
    });
    if (standing.counts) {
      if (refused !== true) counted.push(feedback);
      // Edited after it was given (DESIGN §5): answered, never silently dropped.
      for (const what of edited ?? []) refusals.push(editedFeedbackAnswer({ login, what }));
    } else if (standing.answer)
      refusals.push(`${mention(login)}: your feedback changes nothing: ${standing.reason}.`);
    else
      params.deps.log(`Feedback ${feedbackTriggerKey(feedback)} from ${login} ignored: ${standing.reason}`);
  }
  return { counted, refusals };
}

/**
 * `human_pushers` with the authors of the code the commit carries (`suggestionAuthors`: applied
 * suggestions, code dictated word for word), if any, and `trust_lost` past the list's bound
 * (`pushersPatch`); `current` is the branch's files before it.
 */
function suggestionPushers(
  marker: TaskMarker,
  feedback: readonly ReviewFeedback[],
  plan: FeedbackPlan,
  current: ReadonlyMap<string, string>,
): Pick<TaskMarker, 'human_pushers' | 'trust_lost'> {
  const authors = suggestionAuthors({ feedback, plan, current });
  return authors.length === 0 ? {} : pushersPatch(pushersAfter(marker.human_pushers, authors));
}

/** The plan after its commit was not pushed: every fix it meant to make (suggestion or revision) says why not. */
function withdrawFixes(plan: FeedbackPlan, reason: string): FeedbackPlan {
  return {
    ...plan,
    files: new Map(),
    replies: plan.replies.map((reply) =>
      reply.fixed ? { ...reply, fixed: false, body: `Not applied: ${reason}` } : reply,
    ),
    // A body the model answered as changed (`mergeRevision`'s `Changed:` line) was not changed after all.
    unanswered: plan.unanswered.map((line) =>
      line.replace(/^(@[^:\s]+: )Changed: /, `$1Not applied: ${reason}. The model had said: `),
    ),
  };
}

/** How many threads the commit fixes, by kind: suggestions applied and free text revised. */
function describeFixes(plan: FeedbackPlan): string {
  const revised = new Set(plan.freeText.flatMap((item) => (item.comment ? [item.comment.id] : [])));
  const fixed = plan.replies.filter((reply) => reply.fixed);
  const suggestions = fixed.filter((reply) => !revised.has(reply.commentId)).length;
  const free =
    fixed.length - suggestions + plan.unanswered.filter((line) => /^@[^:\s]+: Changed: /.test(line)).length;
  return free === 0
    ? `${suggestions} suggestion(s) applied`
    : `${suggestions} suggestion(s) applied, ${free} free-text request(s) revised by the model`;
}

/**
 * `texts` (the files the inline comments name), then the pull request's own files at `headSha`
 * (each read only when within the gates' per-file limit): what the model may change for free
 * text that names no file.
 */
async function withPullRequestFiles(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  texts: ReadonlyMap<string, string>;
  config: AgentConfig;
}): Promise<ReadonlyMap<string, string>> {
  const policy = gatePolicyFrom(params.config);
  const { files } = await readPullRequestFiles({
    client: params.deps.client,
    owner: params.owner,
    repo: params.repo,
    pullNumber: params.pullNumber,
    headSha: params.headSha,
    maxFiles: policy.maxFiles,
    maxFileBytes: policy.maxFileBytes,
  });
  // The commented files keep their place first: the bound withholds pull request files before them.
  return new Map([...params.texts, ...files.map((file) => [file.path, file.content] as const)]);
}
