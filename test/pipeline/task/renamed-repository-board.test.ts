import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { findStatusComment } from '../../../src/github/status-comment.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const KEY = Buffer.alloc(32, 8);
const AGENT = 'implementation-agent[bot]';
const at = '2026-11-29T08:00:00.000Z';
const base: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  updated_at: at,
  created_at: at,
  version: 4,
  pull_number: 12,
};

/** Issue #7 of the repository now named `acme/store`, holding one agent comment with `marker`. */
function issueWith(marker: TaskMarker, ids: Record<string, number> = {}) {
  const lookups: string[] = [];
  return {
    lookups,
    client: {
      issues: {
        listComments: async () => ({
          data: [
            {
              id: 900,
              user: { login: AGENT, type: 'Bot' },
              body: renderStatusComment({ marker, signingKey: KEY }),
            },
          ],
        }),
        createComment: async () => ({ data: { id: 901 } }),
        updateComment: async () => ({}),
      },
      repos: {
        get: async (p: { owner: string; repo: string }) => {
          lookups.push(`${p.owner}/${p.repo}`);
          const id = ids[`${p.owner}/${p.repo}`];
          if (id === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
          return { data: { id } };
        },
      },
    },
  };
}

const find = (client: ReturnType<typeof issueWith>['client'], repositoryId?: number) =>
  findStatusComment({
    client,
    owner: 'acme',
    repo: 'store',
    repositoryId: 4242,
    issueNumber: 7,
    authority: { identity: AGENT, keys: { current: KEY } },
    ...(repositoryId === undefined ? {} : { repositoryId }),
  });

describe('a status marker after its repository was renamed or transferred', () => {
  it('is this task when its repository_id is this repository’s, with no lookup', async () => {
    const issue = issueWith({ ...base, repository_id: 4242 });
    expect(await find(issue.client, 4242)).toMatchObject({ trust: 'trusted', marker: { pull_number: 12 } });
    expect(issue.lookups).toEqual([]);
  });

  it('is refused when its repository_id is another repository’s, whatever name it gives', async () => {
    expect(await find(issueWith({ ...base, repository_id: 77 }).client, 4242)).toBeUndefined();
    // The same name, another repository (deleted and created again): refused as well.
    expect(
      await find(issueWith({ ...base, task_id: 'acme/store#7', repository_id: 77 }).client, 4242),
    ).toBeUndefined();
  });

  it('is refused when the name it gives is another repository now, or none, or another issue', async () => {
    const other = issueWith(base, { 'acme/store': 4242, 'acme/shop': 5151 });
    expect(await find(other.client)).toBeUndefined();
    expect(await find(issueWith(base, { 'acme/store': 4242 }).client)).toBeUndefined();
    const issue8 = issueWith({ ...base, task_id: 'acme/shop#8' }, { 'acme/store': 4242, 'acme/shop': 4242 });
    expect(await find(issue8.client)).toBeUndefined();
  });

  it('continues on the new name: records migrated with their history, the marker bound to the id', async () => {
    const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'renamed-board-')));
    const former = 'acme/shop#7';
    await recordTaskEvent({
      log: stores,
      event: { type: 'task_received', task_id: former, at, repo: 'acme/shop', issue_number: 7 },
    });
    await recordTaskEvent({
      log: stores,
      event: { type: 'state_changed', task_id: former, at, to: 'generating' },
    });
    await recordTaskEvent({
      log: stores,
      event: { type: 'state_changed', task_id: former, at, to: 'validating' },
    });
    await recordTaskEvent({
      log: stores,
      event: { type: 'state_changed', task_id: former, at, to: 'pr_open', pull_number: 12 },
    });
    let body = '';
    const board = createStatusBoard({
      client: {
        issues: {
          listComments: async () => ({ data: [] }),
          createComment: async () => ({ data: { id: 900 } }),
          updateComment: async (p: { body: string }) => ((body = p.body), {}),
        },
      },
      owner: 'acme',
      repo: 'store',
      issueNumber: 7,
      taskId: 'acme/store#7',
      existing: { commentId: 900, marker: base, trust: 'trusted', reason: 'is signed', body: '' },
      signingKey: KEY,
      repositoryId: 4242,
      mirrors: { tasks: stores.tasks, events: stores.events },
    });
    await board.move('approved');
    expect(parseStateMarker(body)).toMatchObject({
      task_id: 'acme/store#7',
      repository_id: 4242,
      state: 'approved',
    });
    expect(await stores.tasks.get('acme/store#7')).toMatchObject({
      repo: 'acme/store',
      status: 'approved',
      version: 5,
    });
    const events = await stores.events.list('acme/store#7');
    expect(events.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(events[0]).toMatchObject({ type: 'task_received', repo: 'acme/store' });
  });
});
