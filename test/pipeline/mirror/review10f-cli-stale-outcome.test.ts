/**
 * review10f (attack on issue #10): the CLI's record after a failed run and a successful run again.
 *
 * The CLI (`runLocalTask` → `localTaskLife`, src/local/local-task-life.ts) keeps the record in its
 * out folder. Its `failed` path records the failure as `last_outcome`; its `committed` path records
 * no outcome at all, so what the record's `last_outcome` says is whatever an earlier run left.
 *
 * Tried and held: the second run takes the record on from `failed` (task_received again, attempt 2,
 * committed with its branch and commit); status.json says `committed`; the artifacts of both attempts
 * are kept apart (`1/`, `2/`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { runLocalTask } from '../../../src/local/run-local-task.js';
import { fixedBundleProvider } from '../../entry/app/fixed-bundle-provider.js';
import { workspaceWithRepository } from '../../entry/cli/run-cli.js';

const EXAMPLE = 'examples/orders-api.request.json';

describe('review10f: the CLI record after a failure and a success', () => {
  async function failedThenCommitted() {
    const { repo, out } = await workspaceWithRepository();
    const run = (provider: Parameters<typeof runLocalTask>[0]['provider']) =>
      runLocalTask({
        requestFile: EXAMPLE,
        repoDir: repo,
        outDir: out,
        init: false,
        provider,
        progress: () => {},
      });
    expect((await run(fixedBundleProvider(2, ['../escape.ts']))).status).toBe('failed');
    expect((await run(createOfflineProvider())).status).toBe('committed');
    const status = JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8')) as { status: string };
    const [record] = await filesystemStores(out).tasks.listByStatus({
      repo: `local/${path.basename(repo)}`,
      status: 'committed',
    });
    return { status, record };
  }

  it.failing(
    "FAULT: record contradicts itself: after a failed run and a successful run again, the record says status 'committed' with last_outcome still the first run's failure (status failed, reason code failed), while status.json says committed",
    async () => {
      const { status, record } = await failedThenCommitted();
      expect(status.status).toBe('committed');
      expect(record?.status).toBe('committed');
      // The right answer: the last outcome is this run's, not the earlier run's failure.
      expect(record?.last_outcome?.status).not.toBe('failed');
    },
  );

  it('holds: the run again takes the record on to committed, attempt 2', async () => {
    const { record } = await failedThenCommitted();
    expect(record).toMatchObject({
      status: 'committed',
      attempt: 2,
      branch: 'implementation/local-orders-api',
    });
  });
});
