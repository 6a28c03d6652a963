import { renderStatusComment } from '../../core/render/status-comment.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import type { StatusCommentClient } from '../../github/status-comment.js';
import type { StatusTrust } from '../../github/status-trust.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskOutcome } from '../task/task-outcome.js';

/**
 * The status use case (`/status`), channel-neutral: the task tracked on `issueNumber` as its
 * status comment shows it, without the hidden marker, in `message` (markdown). Reason codes:
 * `status_shown` (a trusted status), `status_not_proven` (shown as written, with why it is not
 * proven the agent's: `readTaskStatus`'s judgement) or `no_task_tracked`. Asked on a pull
 * request (`pullNumber`, with `issueNumber` the issue its branch names), the task is shown only
 * when its trusted status names that pull request: a branch name is only a claim. Reads only;
 * posts nothing. Throws GitHub's HTTP errors.
 */
export async function reportTaskStatus(params: {
  client: StatusCommentClient;
  trust: StatusTrust;
  repository: Pick<RepositoryRef, 'owner' | 'repo'>;
  /** GitHub's id of the repository, which the status read is judged by (`readTaskStatus`). */
  repositoryId: number;
  issueNumber: number;
  /** Set when `/status` was written on a pull request whose branch names `issueNumber`. */
  pullNumber?: number;
}): Promise<TaskOutcome> {
  const { client, trust, issueNumber, pullNumber } = params;
  const { owner, repo } = params.repository;
  const status = await readTaskStatus({
    client,
    trust,
    owner,
    repo,
    issueNumber,
    repositoryId: params.repositoryId,
  });
  const askedOn = pullNumber ?? issueNumber;
  const noTask: TaskOutcome = {
    status: 'answered',
    reasonCode: 'no_task_tracked',
    message: `No implementation task is tracked on #${askedOn}.`,
  };
  if (!status) return noTask;
  if (pullNumber !== undefined && (status.trust !== 'trusted' || status.marker.pull_number !== pullNumber)) {
    return noTask;
  }
  const shown = renderStatusComment({ marker: status.marker })
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .trim();
  if (status.trust === 'trusted') return { status: 'answered', reasonCode: 'status_shown', message: shown };
  return {
    status: 'answered',
    reasonCode: 'status_not_proven',
    message: `${shown}\n\n⚠️ Shown as written, but not proven to be implementation-agent's: this status ${status.reason}.`,
  };
}
