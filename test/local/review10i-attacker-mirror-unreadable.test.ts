/**
 * Review 10i (attacker): a CLI task continued from the shared mirror after its out folder was
 * cleared (`continueFromMirror`, src/local/continue-from-mirror.ts, via `localTaskLife.started`),
 * when the mirror's tasks table cannot be read but the artifacts bucket can be written (a role
 * granted `PutItem` but not `GetItem`, a throttled or failing read past the SDK's retries).
 *
 * Attacked: the guard against restarting at attempt 1 fails open: `continueFromMirror` catches the
 * mirror's read error as "no record", the run is attempt 1 again, and `syncArtifactMirror` copies
 * its `1/…` artifacts over the first run's in the bucket (same keys, other bytes).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import { createOfflineProvider } from '../../src/generation/offline/offline-provider.js';
import { runLocalTask } from '../../src/local/run-local-task.js';
import type { MirrorStores } from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { workspaceWithRepository } from '../entry/cli/run-cli.js';

const EXAMPLE = 'examples/orders-api.request.json';

async function texts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')),
  );
}

describe('review10i: a cleared out folder while the mirror tasks table cannot be read', () => {
  it("FAULT: the run restarts at attempt 1 and overwrites the first run's attempt-1 artifacts in the bucket (continueFromMirror takes a failed mirror read for no record)", async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const shared = await mkdtemp(path.join(os.tmpdir(), 'review10i-shared-mirror-'));
    const sharedStores = filesystemStores(shared);
    let readable = true;
    const tasks: typeof sharedStores.tasks = {
      ...sharedStores.tasks,
      get: async (taskId) => {
        if (!readable) throw new Error('AccessDeniedException: not authorized to perform dynamodb:GetItem');
        return sharedStores.tasks.get(taskId);
      },
    };
    const mirror: MirrorStores = { ...sharedStores, tasks, close: () => {} };
    const run = async (words: string) => {
      const example = JSON.parse(await readFile(EXAMPLE, 'utf8'));
      example.execution_request.description += ` ${words}`;
      const requestFile = path.join(work, 'request.json');
      await writeFile(requestFile, JSON.stringify(example));
      return runLocalTask({
        requestFile,
        repoDir: repo,
        outDir: out,
        init: false,
        provider: createOfflineProvider(),
        progress: () => undefined,
        mirror,
      });
    };
    expect((await run('Orders are tagged FIRST-RUN.')).status).toBe('committed');
    expect((await texts(path.join(shared, 'artifacts'))).some((text) => text.includes('FIRST-RUN'))).toBe(
      true,
    );

    await rm(out, { recursive: true, force: true });
    readable = false;
    await run('Orders are tagged SECOND-RUN.');

    // Right: what the mirror cannot tell never lets a run write over an earlier attempt's audit trail.
    const mirrored = await texts(path.join(shared, 'artifacts'));
    expect(mirrored.some((text) => text.includes('FIRST-RUN'))).toBe(true);
  });
});
