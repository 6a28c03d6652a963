import { renderStatusComment } from '../../src/core/render/status-comment.js';
import type { TaskMarker } from '../../src/core/state/state-marker.js';
import { readStatusCommentById } from '../../src/github/read-status-comment-by-id.js';
import { readTaskStatus } from '../../src/github/read-task-status.js';
import { statusTrust } from '../../src/github/status-trust.js';
import { reportTaskStatus } from '../../src/pipeline/status/report-task-status.js';

/**
 * `repository_id` binds a marker to the repository, which keeps its id through a rename and gets a
 * new one when deleted and created again under the same name. The readers of task status did not
 * pass the id, so the old repository's markers were read as this one's (its state, its unsent
 * events replayed) until a board's read-back caught it. The id is now required of every reader.
 */
const KEY = Buffer.alloc(32, 5);
const BOT = 'implementation-agent[bot]';
const THIS_REPOSITORY = 4242;
const DELETED_REPOSITORY = 1111;
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });
const at = '2026-11-29T08:00:00.000Z';
/** The old repository's marker: merged, with a lifecycle event still unsent. */
const foreign: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'merged',
  attempt: 1,
  cost_usd: 3,
  updated_at: at,
  version: 9,
  repository_id: DELETED_REPOSITORY,
  unsent: [
    {
      detailType: 'Task Merged',
      detail: { version: 1, task_id: 'acme/shop#7', repo: 'acme/shop', sequence: 9, at, status: 'merged' },
    },
  ],
};
const body = renderStatusComment({ marker: foreign, signingKey: KEY });
const client = {
  issues: {
    listComments: async () => ({ data: [{ id: 900, body, user: { login: BOT, type: 'Bot' } }] }),
    createComment: async () => ({ data: { id: 901 } }),
    updateComment: async () => ({}),
    getComment: async () => ({ data: { body, user: { login: BOT } } }),
  },
};

describe('review10f: a marker naming another repository id is refused by every reader', () => {
  it('FAULT: readTaskStatus reads nothing from it, and says why in one line', async () => {
    const lines: string[] = [];
    const status = await readTaskStatus({
      client,
      trust,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      repositoryId: THIS_REPOSITORY,
      log: (line) => lines.push(line),
    });
    expect(status).toBeUndefined();
    expect(lines).toEqual([
      expect.stringContaining(
        `Task acme/shop#7: the status comment 900 names repository ${DELETED_REPOSITORY}, not this repository (${THIS_REPOSITORY})`,
      ),
    ]);
    expect(lines[0]).toContain('nothing is replayed from it');
  });

  it('the read-back after a write refuses it too', async () => {
    const seen = await readStatusCommentById({
      client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      commentId: 900,
      repositoryId: THIS_REPOSITORY,
      authority: { identity: BOT, keys: { current: KEY } },
    });
    expect(seen).toBeUndefined();
  });

  it('FAULT: /status on the recreated repository shows no task', async () => {
    const outcome = await reportTaskStatus({
      client,
      trust,
      repository: { owner: 'acme', repo: 'shop' },
      repositoryId: THIS_REPOSITORY,
      issueNumber: 7,
    });
    expect(outcome).toMatchObject({ reasonCode: 'no_task_tracked' });
  });

  it('the same marker is read in the repository it names', async () => {
    const status = await readTaskStatus({
      client,
      trust,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      repositoryId: DELETED_REPOSITORY,
    });
    expect(status).toMatchObject({ trust: 'trusted', marker: { state: 'merged' } });
  });

  it('no reader can leave the id out (type-level)', async () => {
    // @ts-expect-error `repositoryId` is required: a reader that forgets it does not compile.
    const status = readTaskStatus({ client, trust, owner: 'acme', repo: 'shop', issueNumber: 7 });
    await expect(status).resolves.toBeUndefined();
  });
});
