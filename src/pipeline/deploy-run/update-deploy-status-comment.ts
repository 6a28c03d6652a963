import { withDeploySection } from '../../core/render/with-deploy-section.js';
import { applyDeployEvent, type DeployEventBody } from '../../core/task/apply-deploy-event.js';
import { parseTaskId } from '../../core/task/parse-task-id.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import { writeStatusComment, type StatusCommentClient } from '../../github/status-comment.js';
import type { StatusTrust } from '../../github/status-trust.js';

/**
 * Moves the environment's deploy state on the task's status comment (its marker's `deploys` and
 * the Deployments section), leaving the task state and the rest of the comment as they are. Only
 * a status comment this agent wrote and signed for this issue (`readTaskStatus`: trusted) is
 * edited; any other case — a task of another repository, no status comment, one that is not
 * trusted, a move the deploy table refuses — is said in the log and changes nothing. Throws what
 * the GitHub calls throw; the caller turns that into a warning.
 */
export async function updateDeployStatusComment(params: {
  client: StatusCommentClient;
  trust: StatusTrust;
  repository: { owner: string; repo: string };
  event: DeployEventBody;
  log: (line: string) => void;
}): Promise<void> {
  const { client, trust, event, log } = params;
  const task = parseTaskId(event.task_id);
  const sameRepository =
    task !== undefined &&
    task.owner.toLowerCase() === params.repository.owner.toLowerCase() &&
    task.repo.toLowerCase() === params.repository.repo.toLowerCase();
  if (task === undefined || !sameRepository) {
    log(`Task ${event.task_id} is not an issue of this repository: its status comment is not edited.`);
    return;
  }
  const { owner, repo } = params.repository;
  const status = await readTaskStatus({ client, trust, owner, repo, issueNumber: task.issueNumber });
  if (status === undefined) {
    log(
      `Issue #${task.issueNumber} has no status comment of this agent: the deploy state is not shown there.`,
    );
    return;
  }
  if (status.trust !== 'trusted') {
    log(
      `The status comment on #${task.issueNumber} is not trusted (it ${status.reason}): it is not edited, and the deploy state is not shown there.`,
    );
    return;
  }
  let deploys;
  try {
    deploys = applyDeployEvent({ environments: status.marker.deploys ?? {}, taskId: event.task_id, event });
  } catch (error) {
    log(
      `The status comment on #${task.issueNumber} is not edited: ${error instanceof Error ? error.message : String(error)}`,
    );
    return;
  }
  const marker = { ...status.marker, deploys, updated_at: event.at };
  const body = withDeploySection({
    body: status.body,
    marker,
    ...(trust.keys === undefined ? {} : { signingKey: trust.keys.current }),
  });
  await writeStatusComment({
    client,
    owner,
    repo,
    issueNumber: task.issueNumber,
    commentId: status.commentId,
    body,
  });
}
