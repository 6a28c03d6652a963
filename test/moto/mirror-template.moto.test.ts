import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  type Output,
} from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAwsClient } from '../../src/aws/create-aws-client.js';
import { createDynamoDbDeployLockStore } from '../../src/aws/dynamodb/dynamodb-deploy-lock-store.js';
import { createDocumentClient } from '../../src/aws/dynamodb/create-dynamodb-client.js';
import { agentConfigSchema } from '../../src/core/config/agent-config.js';
import { LIFECYCLE_EVENT_VERSION } from '../../src/core/task/lifecycle-event.js';
import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { describeArtifactStoreContract } from '../support/store-contracts/artifact-store-contract.js';
import { describeDeploymentStoreContract } from '../support/store-contracts/deployment-store-contract.js';
import { describeTaskEventStoreContract } from '../support/store-contracts/task-event-store-contract.js';
import { describeTaskStoreContract } from '../support/store-contracts/task-store-contract.js';
import { motoOverrides, motoSettings, MOTO_REGION } from './helpers/moto.js';

const TEMPLATE = readFileSync(new URL('../../infrastructure/mirror.yaml', import.meta.url), 'utf8');
const busName = `implementation-agent-${randomUUID().slice(0, 8)}`;
let outputs: Record<string, string> = {};
let stores: Required<MirrorStores>;

/** The stack's outputs by key, once CloudFormation (moto) has created it. */
async function createMirrorStack(): Promise<Record<string, string>> {
  const cfn = createAwsClient(CloudFormationClient, motoSettings());
  const stackName = `mirror-${randomUUID().slice(0, 8)}`;
  try {
    await cfn.send(
      new CreateStackCommand({
        StackName: stackName,
        TemplateBody: TEMPLATE,
        Parameters: [{ ParameterKey: 'EventBusName', ParameterValue: busName }],
      }),
    );
    for (let poll = 0; poll < 50; poll += 1) {
      const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
      if (stack?.StackStatus === 'CREATE_COMPLETE') {
        return Object.fromEntries(
          (stack.Outputs ?? []).map((output: Output) => [output.OutputKey, output.OutputValue]),
        );
      }
      if (stack?.StackStatus?.endsWith('FAILED')) throw new Error(`${stackName}: ${stack.StackStatusReason}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${stackName} was not created`);
  } finally {
    cfn.destroy();
  }
}

beforeAll(async () => {
  outputs = await createMirrorStack();
  // The outputs, as a user copies them into the `mirrors` section of the config.
  const config = agentConfigSchema.parse({
    mirrors: {
      tasks_table: outputs['TasksTable'],
      results_table: outputs['ResultsTable'],
      locks_table: outputs['LocksTable'],
      artifacts_bucket: outputs['ArtifactsBucket'],
      deployments_bucket: outputs['DeploymentsBucket'],
      event_bus: outputs['EventBus'],
      region: outputs['Region'],
    },
  });
  stores = mirrorStoresForConfig({ config, aws: motoOverrides() }) as Required<MirrorStores>;
});
afterAll(() => stores.close());

describe('infrastructure/mirror.yaml, created on moto', () => {
  it('outputs a value for every mirrors key', () => {
    expect(outputs).toEqual({
      TasksTable: expect.any(String),
      ResultsTable: expect.any(String),
      LocksTable: expect.any(String),
      ArtifactsBucket: expect.any(String),
      DeploymentsBucket: expect.any(String),
      EventBus: busName,
      Region: MOTO_REGION,
    });
  });

  it('makes the tasks table with its status index and the locks table with its key', async () => {
    const dynamodb = createAwsClient(DynamoDBClient, motoSettings());
    try {
      const tasks = await dynamodb.send(new DescribeTableCommand({ TableName: outputs['TasksTable'] }));
      expect(tasks.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual([
        'repo-status-index',
      ]);
      // Moto leaves a bucket's versioning and public access block, and a table's TTL, set through
      // CloudFormation unapplied: test/aws/mirror-template.test.ts checks the template says them.
      expect(
        (await dynamodb.send(new DescribeTableCommand({ TableName: outputs['LocksTable'] }))).Table
          ?.KeySchema,
      ).toEqual([{ AttributeName: 'lock_id', KeyType: 'HASH' }]);
    } finally {
      dynamodb.destroy();
    }
  });

  it('takes lifecycle events on the bus it made, and holds one deploy lock per environment in the locks table', async () => {
    await expect(
      stores.publisher.publish([
        {
          detailType: 'Task Received',
          detail: {
            version: LIFECYCLE_EVENT_VERSION,
            task_id: 'acme/shop#1',
            repo: 'acme/shop',
            sequence: 1,
            at: '2026-11-29T10:00:00.000Z',
            status: 'received',
          },
        },
      ]),
    ).resolves.toBeUndefined();
    const client = createDocumentClient(motoSettings());
    try {
      const locks = createDynamoDbDeployLockStore({ client, tableName: outputs['LocksTable']! });
      const key = { repository: 'acme/shop', environment: 'staging' };
      const taken = await locks.acquire({ ...key, holder: 'octocat', ref: 'main', sha: 'a'.repeat(40) });
      expect(taken.acquired).toBe(true);
      expect(
        (await locks.acquire({ ...key, holder: 'hubot', ref: 'main', sha: 'b'.repeat(40) })).acquired,
      ).toBe(false);
      if (taken.acquired) expect(await locks.release({ ...key, token: taken.lock.token })).toBe('released');
    } finally {
      client.destroy();
    }
  });
});

// The stores' own promises, kept on what the template made.
describeTaskStoreContract('the stack’s tables', () => ({ tasks: stores.tasks, events: stores.events }));
describeTaskEventStoreContract('the stack’s results table', () => stores.events);
describeArtifactStoreContract('the stack’s artifacts bucket', () => stores.artifacts);
describeDeploymentStoreContract('the stack’s deployments bucket', () => stores.deployments);
