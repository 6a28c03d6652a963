import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';
import {
  SHA,
  fakeGitHub,
  payload,
  resetDeployMocks,
  run,
  scriptSuccessfulUpdate,
} from './helpers/deploy-run-harness.js';

const GOOD_SHA = 'b'.repeat(40);
const at = '2026-11-29T08:00:00.000Z';
const trust = statusTrust({
  identity: async () => 'github-actions[bot]',
  keys: { current: Buffer.alloc(32, 4) },
});

beforeEach(resetDeployMocks);

/** The shared mirror tables, holding a merged task of another repository (`victim/bank`). */
async function mirrorWith(taskId: string) {
  const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'rollback-foreign-')));
  await recordTaskEvent({
    log: stores,
    event: { type: 'task_received', task_id: taskId, at, repo: 'victim/bank', issue_number: 1 },
  });
  for (const to of ['generating', 'validating', 'pr_open', 'approved', 'merged'] as const)
    await recordTaskEvent({
      log: stores,
      event: {
        type: 'state_changed',
        task_id: taskId,
        at,
        to,
        ...(to === 'pr_open' ? { pull_number: 2 } : {}),
      },
    });
  const published: LifecycleEvent[] = [];
  const publisher = { publish: async (events: readonly LifecycleEvent[]) => void published.push(...events) };
  return { stores, published, mirrors: { tasks: stores.tasks, events: stores.events, publisher } };
}

describe('a rollback run (`rollback_of`) and a task of another repository (refuseForeignTask)', () => {
  it.each([
    ['the rollback deployment names it', { task_id: 'victim/bank#1' }, 'acme/shop#1'],
    ['the deployment it replaces names it', { task_id: 'acme/shop#1' }, 'victim/bank#1'],
  ])('%s: the rollback deploys, and writes nothing to that task', async (_, own, replacedTask) => {
    scriptSuccessfulUpdate();
    const mirror = await mirrorWith('victim/bank#1');
    const before = await mirror.stores.tasks.get('victim/bank#1');
    const eventsBefore = await mirror.stores.events.list('victim/bank#1');
    // 7000 (the deployment rolled back) carried `replacedTask`; 6990 is what the rollback restores.
    const github = fakeGitHub({
      history: [
        { id: 7000, sha: SHA, states: ['success'], payload: { ...payload, task_id: replacedTask } },
        { id: 6990, sha: GOOD_SHA, states: ['success'], payload: { ...payload, checked_sha: GOOD_SHA } },
      ],
    });

    const outcome = await run(github, {
      payload: { ...payload, ...own, rollback_of: 7000, rollback_to: 6990 },
      recording: { mirrors: mirror.mirrors, trust },
    });

    expect(outcome.status).toBe('deployed');
    expect(await mirror.stores.tasks.get('victim/bank#1')).toEqual(before);
    expect(await mirror.stores.events.list('victim/bank#1')).toEqual(eventsBefore);
    expect(mirror.published.filter((event) => event.detail.task_id === 'victim/bank#1')).toEqual([]);
    expect(github.comments.at(-1)).toContain('which is not an issue of acme/shop: its record is not moved.');
  });
});
