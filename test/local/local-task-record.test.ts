import { eventStep } from '../../src/core/task/event-sort-key.js';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import { createOfflineProvider } from '../../src/generation/offline/offline-provider.js';
import { runLocalTask } from '../../src/local/run-local-task.js';
import { workspaceWithRepository } from '../entry/cli/run-cli.js';

const EXAMPLE = 'examples/orders-api.request.json';

describe('the CLI keeps the task record in its out folder', () => {
  it('records each run of a request on one task: received, attempts, generating, validating, the branch ready', async () => {
    const { repo, out } = await workspaceWithRepository();
    const progress: string[] = [];
    const run = () =>
      runLocalTask({
        requestFile: EXAMPLE,
        repoDir: repo,
        outDir: out,
        init: false,
        provider: createOfflineProvider(),
        progress: (line) => progress.push(line),
      });
    expect(await run()).toMatchObject({ status: 'committed' });
    expect(await run()).toMatchObject({ status: 'unchanged' });

    const stores = filesystemStores(out);
    const [record] = await stores.tasks.listByStatus({
      repo: `local/${repo.split('/').at(-1)}`,
      status: 'pr_open',
    });
    expect(record).toMatchObject({
      task_id: expect.stringMatching(/#local-orders-api$/),
      status: 'pr_open',
      branch: 'implementation/local-orders-api',
      attempt: 2,
      task_name: 'Orders API',
      model: expect.stringMatching(/^offline:/),
      version: 11,
    });
    expect((await stores.events.list(record!.task_id)).map(eventStep)).toEqual([
      'task_received',
      'attempt_started',
      'generating',
      'validating',
      'usage_recorded',
      'pr_open',
      'attempt_started',
      'generating',
      'validating',
      'usage_recorded',
      'pr_open',
    ]);
    const attempt2 = await stores.artifacts.list({ repo: record!.repo, taskId: record!.task_id, attempt: 2 });
    expect(attempt2.map((artifact) => artifact.path)).toEqual(
      expect.arrayContaining(['answer.json', 'prompt.json', 'validation-report.json']),
    );
    expect(progress.join('\n')).not.toContain('⚠');
  });
});
