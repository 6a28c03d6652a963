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
import { SQSClient } from '@aws-sdk/client-sqs';
import { createAwsClient } from '../../src/aws/create-aws-client.js';
import { agentConfigSchema } from '../../src/core/config/agent-config.js';
import { recordFromMarker } from '../../src/core/task/record-from-marker.js';
import { fullLife } from '../core/task/task-life.js';
import { FULL_LIFE_LIFECYCLE, FULL_LIFE_STEPS, runFullLife } from '../pipeline/helpers/full-life-scenario.js';
import { busToQueue, drainQueue } from './helpers/bus-to-queue.js';
import { withoutPendingEvents } from '../../src/core/task/task-record.js';
import { createMotoMirror, motoOverrides, motoSettings } from './helpers/moto.js';

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
    expect(await aws.tasks!.get(taskId)).toEqual(withoutPendingEvents((await log.tasks.get(taskId))!));
    const repo = taskId.split('#')[0]!;
    expect(
      (await aws.tasks!.listByStatus({ repo, status: 'merged' })).map((record) => record.task_id),
    ).toEqual([taskId]);
    expect(
      (await log.tasks.listByStatus({ repo, status: 'merged' })).map((record) => record.task_id),
    ).toEqual([taskId]);
  });

  it('through the product’s paths (board moves, deploy runs) leaves the records and events the status comment shows in DynamoDB, and every milestone on the bus', async () => {
    const sqs = createAwsClient(SQSClient, motoSettings());
    const { bus, queueUrl } = await busToQueue(sqs);
    const moto = await createMotoMirror();
    const config = agentConfigSchema.parse({ mirrors: { ...moto.config.mirrors, event_bus: bus } });
    const stores = mirrorStoresForConfig({ config, aws: motoOverrides() });
    const repo = `life-${randomUUID().slice(0, 6)}`;
    const taskId = `acme/${repo}#7`;
    try {
      const life = await runFullLife({ owner: 'acme', repo, issueNumber: 7, mirrors: stores });

      expect(life.warnings).toEqual([]);
      expect((await stores.events!.list(taskId)).map(eventStep)).toEqual([...FULL_LIFE_STEPS]);
      // The comment shows the whole record, its last outcome (the deploy run's, as its `result` output says) included.
      const shown = (await stores.tasks!.get(taskId))!;
      expect(shown.last_outcome).toMatchObject({
        status: 'deployed',
        reasonCode: 'deployed',
        deploymentId: 501,
      });
      expect(shown).toEqual(recordFromMarker({ marker: life.marker, repo: `acme/${repo}`, issueNumber: 7 }));
      expect(shown).toMatchObject({
        status: 'merged',
        version: 13,
        environments: { staging: { status: 'rolled_back', deployment_id: 501, rolled_back_by: 502 } },
      });
      // The bus took every event the first time: nothing is kept to send again.
      expect(life.marker.unsent).toBeUndefined();
      const lifecycle = (await drainQueue(sqs, queueUrl))
        .sort((a, b) => a.detail.sequence - b.detail.sequence)
        .map((event) => [event['detail-type'], event.detail.sequence]);
      expect(lifecycle).toEqual(FULL_LIFE_LIFECYCLE.map(([type, n]) => [type, n]));
    } finally {
      stores.close();
      sqs.destroy();
    }
  });
});
