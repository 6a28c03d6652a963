import type { AgentConfig } from '../../core/config/agent-config.js';
import { decideRetry } from '../../core/control/decide-retry.js';
import { taskOnPullRequest } from '../../core/control/task-on-pull-request.js';
import { canChange } from '../../core/deploy/repository-permission.js';
import { wasHandled } from '../../core/idempotency/handled-triggers.js';
import { requestDigest } from '../../core/idempotency/request-digest.js';
import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import { checkParsedRequest } from '../../core/request/check-parsed-request.js';
import { parseFencedPayload } from '../../core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../../core/request/parse-issue-request.js';
import { readRequestSource } from '../../github/read-request-source.js';
import { currentLogin } from '../../github/current-login.js';
import { repositoryPermissionLevel } from '../../github/repository-permission-level.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { holdRequest } from '../implement/hold-request.js';
import { requestEditorsOf } from '../implement/record-request-edit.js';
import { readRequestEditors } from '../implement/read-request-editors.js';
import { stopForUnknownEditors } from '../implement/stop-for-unknown-editors.js';
import { issueTaskRunDependencies } from '../implement/issue-task-run-dependencies.js';
import { runIssueTask } from '../implement/run-issue-task.js';
import { taskBoardFor } from '../task/task-board-for.js';
import { taskIdOf } from '../../core/task/task-id-of.js';
import { readTaskStatusFor } from '../task/read-task-status-for.js';

/**
 * `/retry` of the task tracked on `issueNumber` (issue #9 item 8), for a caller whose write access
 * the adapter has checked: a task that failed, was cancelled or whose run died (`decideRetry`) runs
 * again through the implement path (`runIssueTask`: attempt + 1, same branch and pull request),
 * from its request as GitHub has it now. A retry releases no text a maintainer has not approved:
 * the request runs when it is the one the task last generated from (`generated_from`, the
 * `requestDigest` the first run recorded after its approval) or both its requester and the text's
 * author (who opened the issue or wrote the comment, the only non-writer able to edit it) have
 * write access; otherwise it is held for `/approve` (`holdRequest`), showing the text. A changed
 * request that runs or is held counts the `/retry` author and the text's author as co-requesters
 * (marker `co_requesters`, beside those recorded), since the text is no longer what was asked
 * before: whoever edited it is among the writers, and the retrier and the body's editors are known:
 * those the task recorded (`request_editors`, `recordRequestEdit`) and its edit history, read as a
 * labeling reads it (`readRequestEditors`); editors that cannot all be known stop the retry
 * (`request_editors_unknown`, `stopForUnknownEditors`: the status comment says why). The marker must be
 * trusted, as for `/approve`. `triggerKey` is recorded as handled, so a redelivery is `ignored`.
 * Refusals are `refused` with reason code `not_retryable`.
 */
export async function retryTask(params: {
  deps: TaskEventDependencies;
  config: AgentConfig;
  repository: RepositoryRef;
  issueNumber: number;
  /** The command was given on this pull request; the task's marker must name it. */
  pullNumber?: number | undefined;
  actor: string;
  /** The `/retry` author's GitHub account id, when the event gave it. */
  actorId?: number | undefined;
  /** `comment:<id>`. */
  triggerKey: string;
}): Promise<TaskOutcome> {
  const { deps, repository, issueNumber } = params;
  const { client } = deps;
  const { owner, repo } = repository;
  const taskId = taskIdOf({ owner, repo, issueNumber });
  const refuse = (why: string): TaskOutcome => ({
    status: 'refused',
    reasonCode: 'not_retryable',
    taskId,
    issueNumber,
    message: `\`/retry\` did not run the task: ${why}`,
  });
  const { config } = params;
  const status = await readTaskStatusFor(deps, { owner, repo, issueNumber });
  if (status !== undefined && status.trust !== 'trusted') {
    return refuse(
      `the task's status ${status.reason}, so what ran before cannot be proven. A maintainer can comment \`/implement\` on the issue to run the request as it is now.`,
    );
  }
  const marker = status?.marker;
  if (marker !== undefined && wasHandled(marker.handled_triggers, params.triggerKey)) {
    return {
      status: 'ignored',
      reason: `${params.triggerKey} on issue #${issueNumber} was already carried out`,
    };
  }
  const notOurs = taskOnPullRequest({ marker, issueNumber, pullNumber: params.pullNumber });
  if (notOurs !== undefined) return refuse(notOurs);
  const now = deps.now?.() ?? new Date();
  const decision = decideRetry({ marker, now });
  if (decision.kind === 'refuse' || marker === undefined) {
    return refuse(decision.kind === 'refuse' ? decision.why : 'no implementation task is tracked here.');
  }

  const board = taskBoardFor(deps, {
    owner,
    repo,
    issueNumber,
    taskId,
    existing: status,
    config,
    trigger: params.triggerKey,
  });
  const source = await readRequestSource({
    client,
    owner,
    repo,
    issueNumber,
    requestCommentId: marker.request_comment_id,
  });
  if (source.kind === 'deleted') {
    return refuse(
      `the comment holding the request (${marker.request_comment_id}) was deleted. Post the request again with \`/implement\`.`,
    );
  }
  const parsed =
    source.kind === 'comment' ? parseFencedPayload(source.body, 'comment') : parseIssueRequest(source.body);
  const validation = checkParsedRequest(parsed);
  if (!validation.ok) {
    const outcome: TaskOutcome = {
      status: 'invalid_request',
      taskId,
      issueNumber,
      message: validation.message,
    };
    await board.move('failed', { details: validation.message, outcome });
    return outcome;
  }
  const payload = validation.payload;
  const ranBefore = marker.generated_from === requestDigest(payload);
  // Whoever rewrote the issue body wrote (part of) the text that runs: its edit history is read as
  // a labeling's or a bare `/implement`'s is (reviews 9m, 13m).
  const editors =
    source.kind === 'comment'
      ? requestEditorsOf(marker, marker.request_comment_id)
      : await readRequestEditors(deps, {
          repository,
          issueNumber,
          requester: {
            login: marker.requester ?? params.actor,
            ...(marker.requester_id === undefined ? {} : { id: marker.requester_id }),
          },
          coRequesters: marker.co_requesters ?? [],
          marker,
        });
  if (editors.kind === 'unknown') {
    const { state } = marker;
    return stopForUnknownEditors({
      board,
      state,
      statusBody: status?.body,
      taskId,
      issueNumber,
      why: editors.why,
      lasting: editors.lasting === true,
    });
  }
  const recordedOthers = [...(marker.co_requesters ?? []), ...editors.editors];
  const runSource =
    marker.request_comment_id === undefined
      ? ('issue-body' as const)
      : { commentId: marker.request_comment_id };
  // A changed request is also the retrier's (they ran it as it is now) and its text's author's.
  const others = ranBefore
    ? recordedOthers
    : [
        ...recordedOthers,
        { login: params.actor, ...(params.actorId === undefined ? {} : { id: params.actorId }) },
        ...(source.author === undefined ? [] : [{ login: source.author }]),
      ];
  if (!ranBefore) {
    const requester = marker.requester;
    if (requester === undefined) {
      return refuse(
        'the request is not the one the task last ran, and the task does not record who asked for it. A maintainer can comment `/implement` on the issue to run it as it is now.',
      );
    }
    // The text changed since it last ran: whoever can have changed it must be trusted too, and
    // besides writers that is its author (an outsider's issue body that a maintainer's labeling or
    // `/implement` ran once stays editable by the outsider).
    // The requester is asked by account id when recorded: a renamed login may be someone else's now.
    const requesterNow =
      marker.requester_id === undefined
        ? requester
        : ((await currentLogin({ client, accountId: marker.requester_id })) ?? 'ghost');
    const mayHaveEdited = [requesterNow, source.author ?? 'ghost'];
    const levels = await Promise.all(
      [...new Set(mayHaveEdited.map((login) => login.toLowerCase()))].map((username) =>
        repositoryPermissionLevel({ client, owner, repo, username }),
      ),
    );
    if (!levels.every(canChange)) {
      return holdRequest({
        client,
        repository,
        issueNumber,
        taskId,
        board,
        from: marker.state,
        requester: {
          login: requester,
          id: marker.requester_id,
          type: marker.requester_type,
          others,
          editors: editors.editors,
        },
        payload,
        requestCommentId: marker.request_comment_id,
        why: { kind: 'no-write-access' },
      });
    }
  }
  deps.log(
    `Retrying task ${taskId} (${marker.state}, attempt ${marker.attempt + 1}), asked by ${params.actor}`,
  );
  return runIssueTask({
    client,
    repository,
    issueNumber,
    taskId,
    request: payload,
    config,
    board,
    ...(await issueTaskRunDependencies(deps, { owner, repo, issueNumber, taskId, config })),
    ...(marker.requester === undefined
      ? {}
      : {
          requester: {
            login: marker.requester,
            id: marker.requester_id,
            type: marker.requester_type,
            others,
            editors: editors.editors,
          },
        }),
    source: runSource,
  });
}
