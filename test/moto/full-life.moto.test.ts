import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventStep } from '../../src/core/task/event-sort-key.js';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { recordAndMirror } from '../../src/pipeline/mirror/record-and-mirror.js';
import { fullLife } from '../core/task/task-life.js';
import { createMotoMirror, motoOverrides } from './helpers/moto.js';

let aws: MirrorStores;
beforeAll(async () => {
  aws = mirrorStoresForConfig({ config: (await createMotoMirror()).config, aws: motoOverrides() });
});
afterAll(() => aws.close());

describe('a whole life: issue → PR → merge → deploy → rollback', () => {
  it('leaves the same record and the expected sequence of events in the local folder and in DynamoDB', async () => {
    const log = filesystemStores(await mkdtemp(path.join(tmpdir(), 'full-life-')));
    const taskId = `acme/life-${randomUUID().slice(0, 6)}#7`;
    for (const event of fullLife(taskId)) {
      const result = await recordAndMirror({ log, mirror: aws, event });
      expect(result.mirror?.status).toBe('caught-up');
    }

    const expectedSteps = [
      'task_received',
      'generating',
      'attempt_started',
      'usage_recorded',
      'validating',
      'pr_open',
      'approved',
      'merged',
      'deploy_started',
      'deploy_finished',
      'deploy_rolled_back',
    ];
    for (const store of [log, aws]) {
      expect((await store.events!.list(taskId)).map(eventStep)).toEqual(expectedSteps);
      expect(await store.tasks!.get(taskId)).toMatchObject({
        status: 'merged',
        version: 11,
        pull_number: 12,
        environments: { staging: { status: 'rolled_back', deployment_id: 501, rolled_back_by: 502 } },
      });
    }
    expect(await aws.tasks!.get(taskId)).toEqual(await log.tasks.get(taskId));
    const repo = taskId.split('#')[0]!;
    expect(
      (await aws.tasks!.listByStatus({ repo, status: 'merged' })).map((record) => record.task_id),
    ).toEqual([taskId]);
    expect(
      (await log.tasks.listByStatus({ repo, status: 'merged' })).map((record) => record.task_id),
    ).toEqual([taskId]);
  });
});
