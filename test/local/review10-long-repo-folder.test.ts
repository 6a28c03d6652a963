import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import { localTaskLife } from '../../src/local/local-task-life.js';

describe('review10: the CLI task of a repository folder with a long name', () => {
  it.failing(
    "FAULT: a repository folder name over ~190 characters makes a task id over the record's 200, so the record is written, cannot be read back, and the rest of the life is lost",
    async () => {
      const out = await mkdtemp(path.join(tmpdir(), 'review10-cli-'));
      const warnings: string[] = [];
      const life = localTaskLife({
        outDir: out,
        // Linux takes file names up to 255 bytes.
        repoName: 'r'.repeat(210),
        branch: 'implementation/local-orders-api',
        request: {
          execution_request: {
            task_type: 'application',
            task_name: 'Orders API',
            execution_mode: 'guided',
            target_environment: 'development',
          },
        },
        warn: (line) => warnings.push(line),
      });
      await life.started();
      expect(warnings).toEqual([]);
      expect(await filesystemStores(out).tasks.get(life.taskId)).toMatchObject({ status: 'generating' });
    },
  );
});
