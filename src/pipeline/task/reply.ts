import { postComment } from '../../github/post-comment.js';
import type { TaskClient } from '../../github/task-client.js';
import type { TaskOutcome } from './task-outcome.js';

/** Answers a command with one comment on the issue or pull request it was written on, within GitHub's limit. */
export async function reply(params: {
  client: Pick<TaskClient, 'issues'>;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
}): Promise<TaskOutcome> {
  await postComment({
    client: params.client,
    owner: params.owner,
    repo: params.repo,
    issueNumber: params.issueNumber,
    body: params.body,
  });
  return { status: 'answered', message: params.body };
}
