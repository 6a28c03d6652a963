import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eventStep } from '../../src/core/task/event-sort-key.js';
import type { TaskEvent } from '../../src/core/task/task-event.js';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import { createOfflineProvider } from '../../src/generation/offline/offline-provider.js';
import type { ModelProvider } from '../../src/generation/model-provider.js';
import { ensureCloneId } from '../../src/local/ensure-clone-id.js';
import { localTaskLife } from '../../src/local/local-task-life.js';
import { readRequestFile } from '../../src/local/read-request-file.js';
import { runLocalTask } from '../../src/local/run-local-task.js';
import { git, workspaceWithRepository } from '../entry/cli/run-cli.js';

const EXAMPLE = 'examples/orders-api.request.json';
const BRANCH = 'implementation/local-orders-api';

const readStatus = async (out: string) =>
  JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8')) as Record<string, unknown>;
/** The moves to `committed`, with what each says happened. */
const commits = (events: readonly TaskEvent[]) =>
  events.flatMap((event) =>
    event.type === 'state_changed' && event.to === 'committed'
      ? [{ branch: event.branch, commit: event.commit }]
      : [],
  );

describe('the CLI keeps the task record in its out folder', () => {
  it('records what happened locally: committed on its branch with the commit, never a pull request (#11)', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const progress: string[] = [];
    const run = (requestFile: string) =>
      runLocalTask({
        requestFile,
        repoDir: repo,
        outDir: out,
        init: false,
        provider: createOfflineProvider(),
        progress: (line) => progress.push(line),
      });
    expect(await run(EXAMPLE)).toMatchObject({ status: 'committed' });
    const first = await readStatus(out);
    const stores = filesystemStores(out);
    const localRepo = `local/${path.basename(repo)}`;
    const [afterFirst] = await stores.tasks.listByStatus({ repo: localRepo, status: 'committed' });
    expect(afterFirst).toMatchObject({
      task_id: expect.stringMatching(new RegExp(`^${localRepo}#local-orders-api@[0-9a-f]{12}$`)),
      status: 'committed',
      branch: BRANCH,
      commit: first.commit,
      attempt: 1,
      task_name: 'Orders API',
      model: expect.stringMatching(/^offline:/),
      version: 7,
      last_outcome: { status: 'committed', reasonCode: 'committed', commit: first.commit },
    });
    expect(afterFirst!.commit).toBe(await git(repo, 'rev-parse', BRANCH));
    expect(afterFirst).not.toHaveProperty('pull_number');

    // Run again from committed with a changed request: a new commit, and the record follows it.
    const example = JSON.parse(await readFile(EXAMPLE, 'utf8'));
    example.execution_request.description += ' Orders can be exported as CSV.';
    example.support_artifacts.user_stories.push('As a support agent I can refund a cancelled order');
    const changed = path.join(work, 'orders-api-changed.request.json');
    await writeFile(changed, JSON.stringify(example));
    expect(await run(changed)).toMatchObject({ status: 'committed' });
    const second = await readStatus(out);
    expect(second.commit).not.toBe(first.commit);
    // And once more with nothing to change: no new commit, the record names the branch's commit still.
    expect(await run(changed)).toMatchObject({ status: 'unchanged', commit: second.commit });

    const [record] = await stores.tasks.listByStatus({ repo: localRepo, status: 'committed' });
    expect(record).toMatchObject({ status: 'committed', branch: BRANCH, commit: second.commit, attempt: 3 });
    expect(await stores.tasks.listByStatus({ repo: localRepo, status: 'pr_open' })).toEqual([]);
    const events = await stores.events.list(record!.task_id);
    const oneRun = [
      'task_received',
      'attempt_started',
      'generating',
      'validating',
      'usage_recorded',
      'committed',
      'outcome_recorded',
    ];
    expect(events.map(eventStep)).toEqual([...oneRun, ...oneRun, ...oneRun]);
    expect(commits(events)).toEqual([
      { branch: BRANCH, commit: first.commit },
      { branch: BRANCH, commit: second.commit },
      { branch: BRANCH, commit: second.commit },
    ]);
    const attempt3 = await stores.artifacts.list({ repo: record!.repo, taskId: record!.task_id, attempt: 3 });
    expect(attempt3.map((artifact) => artifact.path)).toEqual(
      expect.arrayContaining(['answer.json', 'prompt.json', 'validation-report.json']),
    );
    expect(progress.join('\n')).not.toContain('⚠');
  });

  it('records a re-run from committed that crashes as failed, and keeps a crash past the commit committed', async () => {
    const { repo, out } = await workspaceWithRepository();
    const base = { requestFile: EXAMPLE, repoDir: repo, outDir: out, init: false, progress: () => {} };
    const first = await runLocalTask({ ...base, provider: createOfflineProvider() });
    expect(first).toMatchObject({ status: 'committed' });
    const crashing: ModelProvider = {
      name: 'crashing',
      generate: async () => {
        throw new Error('connection reset');
      },
    };
    await expect(runLocalTask({ ...base, provider: crashing })).rejects.toThrow('connection reset');
    const stores = filesystemStores(out);
    const localRepo = `local/${path.basename(repo)}`;
    const [failed] = await stores.tasks.listByStatus({ repo: localRepo, status: 'failed' });
    expect(failed).toMatchObject({
      status: 'failed',
      // The branch still holds the first run's commit, and the record still names it.
      commit: 'commit' in first ? first.commit : undefined,
      last_outcome: { status: 'failed', message: 'The run stopped on an error: connection reset' },
    });

    // A crash once the branch holds the change (the out folder could not be written): still committed.
    expect(await runLocalTask({ ...base, provider: createOfflineProvider() })).toMatchObject({
      status: 'unchanged',
    });
    const read = await readRequestFile(EXAMPLE);
    if (read.kind !== 'valid') throw new Error(`the example must be valid: ${read.kind}`);
    const warnings: string[] = [];
    const life = localTaskLife({
      outDir: out,
      repoName: path.basename(repo),
      branch: BRANCH,
      cloneId: await ensureCloneId({ repoDir: repo }),
      request: read.request,
      warn: (line) => warnings.push(line),
    });
    await life.crashed('The run stopped on an error: ENOSPC');
    expect(warnings).toEqual([]);
    const [committed] = await stores.tasks.listByStatus({ repo: localRepo, status: 'committed' });
    expect(committed).toMatchObject({
      branch: BRANCH,
      commit: 'commit' in first ? first.commit : undefined,
      last_outcome: { status: 'failed', message: 'The run stopped on an error: ENOSPC' },
    });
  });
});
