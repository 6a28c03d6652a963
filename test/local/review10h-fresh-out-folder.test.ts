/**
 * Review 10h (attack on issue #10): a CLI task run again with a fresh out folder, while the team's
 * mirrors hold its life.
 *
 * The CLI's task id is the clone's (`local/<folder>#<segment>@<clone id>`, the clone id kept in the
 * git directory), so a run again in the same clone is the same task in the shared mirrors. Its own
 * log is the out folder (`.implementation-agent/` or `--out`), a working-tree folder people clear
 * (`git clean -xdf`) or point elsewhere. `localTaskLife.started` takes the attempt from the out
 * folder's record alone (`(current?.attempt ?? 0) + 1`): with the folder fresh, the run is attempt 1
 * again, and `syncArtifactMirror` copies its `1/…` artifacts over the bucket's `1/…` of the first
 * run (same keys, other bytes): the first attempt's prompt, answer and files are gone from the audit
 * trail. The record starts again at version 1 too, below the mirror's, so the mirror keeps the first
 * run's record and the run is told another run wrote "at the same time".
 *
 * Tried and held: the same out folder continues the record (attempt 2, `2/…` beside `1/…`:
 * review10f-cli-shared-mirror's second case covers it).
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

describe('review10h: a CLI task run again after its out folder was cleared', () => {
  it("fixed: (was artifacts overwritten across runs) the run again restarts at attempt 1 and overwrites the first run's attempt-1 artifacts in the shared mirror, and its record never reaches the mirror (local-task-life.ts takes the attempt from the out folder only)", async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const shared = await mkdtemp(path.join(os.tmpdir(), 'shared-mirror-'));
    const sharedStores = filesystemStores(shared);
    const mirror: MirrorStores = { ...sharedStores, close: () => {} };
    const lines: string[] = [];
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
        progress: (line) => lines.push(line),
        mirror,
      });
    };
    expect((await run('Orders are tagged FIRST-RUN.')).status).toBe('committed');
    const [first] = await sharedStores.tasks.listByStatus({
      repo: `local/${path.basename(repo)}`,
      status: 'committed',
    });
    expect(first?.attempt).toBe(1);

    // The out folder is cleared (git clean -xdf); the clone, its id and the shared mirror remain.
    await rm(out, { recursive: true, force: true });
    await run('Orders are tagged SECOND-RUN.');

    const mirrored = await texts(path.join(shared, 'artifacts'));
    // The right answer: both runs' attempts are in the mirror, the first not overwritten…
    expect(mirrored.some((text) => text.includes('FIRST-RUN'))).toBe(true);
    expect(mirrored.some((text) => text.includes('SECOND-RUN'))).toBe(true);
    // …and the mirror's record is the task's latest: a second attempt, past the first run's version.
    const now = await sharedStores.tasks.get(first!.task_id);
    expect(now?.attempt).toBe(2);
    expect(now?.version).toBeGreaterThan(first!.version);
  });
});
