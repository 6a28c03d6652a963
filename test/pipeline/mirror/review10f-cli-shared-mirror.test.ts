/**
 * review10f (attack on issue #10): two people's CLI tasks in the team's shared mirrors.
 *
 * The CLI mirrors to whatever `.github/implementation-agent.yml` in `--repo` names, so every clone
 * of a repository writes the team's tables and buckets. A CLI task's id is only
 * `local/<repo folder>#<branch's last segment>` (`localTaskId`, src/core/task/local-task-id.ts) and
 * its artifact keys `local/<folder>/<segment>/<attempt>/…`: two developers who each run the same
 * kind of request on their own clone (folder `repo`, branch `implementation/local-orders-api`,
 * from the task name) shared one id and one set of keys; the id now ends in the clone's id
 * (`ensureCloneId`). The shared mirror here is a folder standing in for the tables and buckets (the
 * same store ports).
 *
 * Tried and held: nothing else here (one developer's own run again continues their record:
 * test/local/local-task-record.test.ts).
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { runLocalTask } from '../../../src/local/run-local-task.js';
import type { MirrorStores } from '../../../src/pipeline/mirror/mirror-stores-for-config.js';
import { workspaceWithRepository } from '../../entry/cli/run-cli.js';
import { ensureCloneId } from '../../../src/local/ensure-clone-id.js';
import { localTaskId } from '../../../src/core/task/local-task-id.js';
import { MAX_TASK_ID_LENGTH } from '../../../src/core/task/task-id-schema.js';

const EXAMPLE = 'examples/orders-api.request.json';

/** Every file under `dir`, as text. */
async function texts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')),
  );
}

/** One developer's clone and request: the example with their own words in the description. */
async function developer(words: string) {
  const { work, repo, out } = await workspaceWithRepository();
  const example = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  example.execution_request.description += ` ${words}`;
  const requestFile = path.join(work, 'request.json');
  await writeFile(requestFile, JSON.stringify(example));
  return { repo, out, requestFile };
}

describe("review10f: two developers' CLI tasks in one shared mirror", () => {
  it("FAULT: key collision between tasks: a second developer's CLI task on their own clone takes the first's task id and artifact keys in the shared mirror, overwriting the first's artifacts (prompt, answer, files) with their own", async () => {
    const shared = await mkdtemp(path.join(os.tmpdir(), 'shared-mirror-'));
    const mirror: MirrorStores = { ...filesystemStores(shared), close: () => {} };
    for (const words of ['Orders are tagged ALPHA-DEVELOPER.', 'Orders are tagged BRAVO-DEVELOPER.']) {
      const dev = await developer(words);
      const result = await runLocalTask({
        requestFile: dev.requestFile,
        repoDir: dev.repo,
        outDir: dev.out,
        init: false,
        provider: createOfflineProvider(),
        progress: () => {},
        mirror,
      });
      expect(result.status).toBe('committed');
    }
    const mirrored = await texts(path.join(shared, 'artifacts'));
    // The right answer: each developer's attempt is in the mirror, neither overwritten.
    expect(mirrored.some((text) => text.includes('BRAVO-DEVELOPER'))).toBe(true);
    expect(mirrored.some((text) => text.includes('ALPHA-DEVELOPER'))).toBe(true);
  });
  it('one clone run again keeps its task id (the clone id kept in its git directory), so its record goes on', async () => {
    const dev = await developer('Orders are tagged CHARLIE-DEVELOPER.');
    const run = () =>
      runLocalTask({
        requestFile: dev.requestFile,
        repoDir: dev.repo,
        outDir: dev.out,
        init: false,
        provider: createOfflineProvider(),
        progress: () => {},
      });
    expect((await run()).status).toBe('committed');
    const cloneId = await ensureCloneId({ repoDir: dev.repo });
    expect(cloneId).toMatch(/^[0-9a-f]{12}$/);
    expect((await run()).status).toBe('unchanged');
    const [record] = await filesystemStores(dev.out).tasks.listByStatus({
      repo: `local/${path.basename(dev.repo)}`,
      status: 'committed',
    });
    expect(record).toMatchObject({
      task_id: `local/${path.basename(dev.repo)}#local-orders-api@${cloneId}`,
      attempt: 2,
    });
    // Nothing of it is committed: the id lives in the git directory, not the working tree.
    expect(await readFile(path.join(dev.repo, '.git', 'implementation-agent', 'clone-id'), 'utf8')).toBe(
      `${cloneId}\n`,
    );
  });

  it('localTaskId: the clone id ends the id, and a long branch segment is still cut to fit beside it', () => {
    expect(
      localTaskId({ repoName: 'shop', branch: 'implementation/orders', cloneId: 'abcdef012345' }),
    ).toEqual({
      repo: 'local/shop',
      taskId: 'local/shop#orders@abcdef012345',
    });
    const long = localTaskId({ repoName: 'shop', branch: 'x'.repeat(300), cloneId: 'abcdef012345' });
    expect(long.taskId.length).toBeLessThanOrEqual(MAX_TASK_ID_LENGTH);
    expect(long.taskId).toMatch(/~[0-9a-f]{16}@abcdef012345$/);
  });
});
