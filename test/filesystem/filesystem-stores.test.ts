import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import { safeKeySegment } from '../../src/core/stores/store-keys.js';
import { describeArtifactStoreContract } from '../support/store-contracts/artifact-store-contract.js';
import { describeDeploymentStoreContract } from '../support/store-contracts/deployment-store-contract.js';
import { describeTaskEventStoreContract } from '../support/store-contracts/task-event-store-contract.js';
import {
  describeTaskStoreContract,
  freshTaskId,
  receivedRecord,
} from '../support/store-contracts/task-store-contract.js';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'filesystem-stores-'));
});
const stores = () => filesystemStores(root);

describeTaskStoreContract('filesystem', () => stores());
describeTaskEventStoreContract('filesystem', () => stores().events);
describeArtifactStoreContract('filesystem', () => stores().artifacts);
describeDeploymentStoreContract('filesystem', () => stores().deployments);

describe('filesystem stores', () => {
  it('lays the folder out as the mirrors are: tasks/, artifacts/ in the bucket layout, deployments/', async () => {
    const { tasks, artifacts } = stores();
    const record = receivedRecord(freshTaskId());
    await tasks.put(record, 0);
    const stored = await artifacts.put({
      repo: 'acme/shop',
      taskId: record.task_id,
      attempt: 1,
      path: 'plan.md',
      body: '# Plan',
    });
    expect(await readFile(path.join(root, 'artifacts', ...stored.key.split('/')), 'utf8')).toBe('# Plan');
    const recordFile = path.join(root, 'tasks', safeKeySegment(record.task_id), 'record.json');
    expect(await readFile(recordFile, 'utf8')).toContain('"status": "received"');
  });

  it('names the file when a record was edited into a shape it never wrote', async () => {
    const { tasks } = stores();
    const taskId = freshTaskId();
    const folder = path.join(root, 'tasks', safeKeySegment(taskId));
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'record.json'), JSON.stringify({ task_id: taskId, status: 'hacked' }));
    await expect(tasks.get(taskId)).rejects.toThrow(
      `${path.join(folder, 'record.json')} is not in the expected shape`,
    );
  });

  it('refuses an artifact whose bytes were changed after they were stored', async () => {
    const { artifacts } = stores();
    const ref = { repo: 'acme/shop', taskId: freshTaskId(), attempt: 1, path: 'plan.md' };
    const stored = await artifacts.put({ ...ref, body: 'original' });
    await writeFile(path.join(root, 'artifacts', ...stored.key.split('/')), 'altered');
    expect(await artifacts.get(ref)).toBeUndefined();
  });
});
