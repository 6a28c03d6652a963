/**
 * Review 10i (attacker; the faults found are fixed and their tests now plain `it`): whether the status comment and the crash answer — the two public comment
 * write paths — go through the one redaction path (`redactSecrets`) as the record does.
 *
 * Attacked: a move whose `details` (the comment's visible text) holds the same message as its
 * outcome, with a secret in it (`createStatusBoard` redacts the outcome kept in the marker,
 * `redactedTexts`, but renders `details` as given); an unexpected error whose message holds a
 * token, answered on the issue by `answerOnCrash` (describeAwsError → postComment, no redaction).
 *
 * Held (passing): the outcome the marker (and so every mirror) keeps is redacted.
 */
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { answerOnCrash } from '../../../src/pipeline/task/answer-on-crash.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { FAKE_GITHUB_CLASSIC_TOKEN as TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';

const TASK_ID = 'acme/shop#7';

function oneComment(marker: TaskMarker) {
  let body = renderStatusComment({ marker });
  const posted: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async (p) => {
        posted.push(p.body);
        return { data: { id: 901 } };
      },
      updateComment: async (p) => {
        body = p.body;
        return {};
      },
    },
  };
  return { client, body: () => body, posted };
}

const base: TaskMarker = {
  task_id: TASK_ID,
  repository_id: 4242,
  state: 'validating',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00.000Z',
  created_at: '2026-11-29T09:00:00.000Z',
  version: 4,
};

/** A failure message quoting what the requester pasted (a request check, a validation finding). */
const message = `The request could not be validated: field \`token\` is not allowed (value \`${TOKEN}\`).`;

async function failedMove() {
  const issue = oneComment(base);
  const board = createStatusBoard({
    client: issue.client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: { commentId: 900, marker: base, trust: 'trusted', reason: 'written by the agent', body: '' },
    signingKey: undefined,
    repositoryId: 4242,
  });
  // As request-implementation.ts and open-issue-task.ts move: the message as details and as the outcome.
  await board.move('failed', { details: message, outcome: { status: 'failed', message } });
  return issue;
}

describe('public comments and the one redaction path (review10i)', () => {
  it('held: the outcome the marker keeps (and every mirror gets) is redacted', async () => {
    const issue = await failedMove();
    const marker = parseStateMarker(issue.body());
    expect(JSON.stringify(marker?.last_outcome)).not.toContain(TOKEN);
  });

  it("the status comment's visible text hides the secret the marker's outcome redacts (createStatusBoard redacts `details`)", async () => {
    const issue = await failedMove();
    expect(issue.body()).not.toContain(TOKEN);
  });

  it('answerOnCrash posts an unexpected error’s message with a token in it on the issue redacted', async () => {
    const issue = oneComment(base);
    const crash = new Error(`fetch https://x-access-token:${TOKEN}@github.com/acme/shop.git failed: 502`);
    await expect(
      answerOnCrash(
        { client: issue.client, owner: 'acme', repo: 'shop', issueNumber: 7, request: 'this request' },
        () => Promise.reject(crash),
      ),
    ).rejects.toBe(crash);
    expect(issue.posted).toHaveLength(1);
    expect(issue.posted[0]).not.toContain(TOKEN);
  });
});
