import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DescribeTableCommand, DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createAwsClient } from '../../src/aws/create-aws-client.js';
import { createS3ArtifactStore } from '../../src/aws/s3/s3-artifact-store.js';
import { TASKS_BY_STATUS_INDEX } from '../../src/aws/dynamodb/task-table-definitions.js';
import { sha256Hex } from '../../src/core/stores/sha256-hex.js';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { recordTaskEvent } from '../../src/pipeline/mirror/record-task-event.js';
import { describeArtifactStoreContract } from '../support/store-contracts/artifact-store-contract.js';
import {
  describeDeploymentStoreContract,
  storedDeployment,
} from '../support/store-contracts/deployment-store-contract.js';
import { describeTaskEventStoreContract } from '../support/store-contracts/task-event-store-contract.js';
import { describeTaskStoreContract, freshTaskId } from '../support/store-contracts/task-store-contract.js';
import { createMotoMirror, motoOverrides, motoSettings, type MotoMirror } from './helpers/moto.js';

let mirror: MotoMirror;
let aws: Required<MirrorStores>;
afterAll(() => aws.close());
let root = '';
const dynamodb = () => createAwsClient(DynamoDBClient, motoSettings());
const s3 = () => createAwsClient(S3Client, motoSettings(), { forcePathStyle: true });

beforeAll(async () => {
  mirror = await createMotoMirror({ kmsKeyId: 'alias/implementation-agent' });
  aws = mirrorStoresForConfig({ config: mirror.config, aws: motoOverrides() }) as Required<MirrorStores>;
  root = await mkdtemp(path.join(tmpdir(), 'moto-filesystem-'));
});

// The same promises, kept by both implementations.
describeTaskStoreContract('AWS (DynamoDB on moto)', () => ({ tasks: aws.tasks, events: aws.events }));
describeTaskStoreContract('filesystem', () => filesystemStores(root));
describeTaskEventStoreContract('AWS (DynamoDB on moto)', () => aws.events);
describeTaskEventStoreContract('filesystem', () => filesystemStores(root).events);
describeArtifactStoreContract('AWS (S3 on moto)', () => aws.artifacts);
describeArtifactStoreContract('filesystem', () => filesystemStores(root).artifacts);
describeDeploymentStoreContract('AWS (S3 on moto)', () => aws.deployments);
describeDeploymentStoreContract('filesystem', () => filesystemStores(root).deployments);

describe('the DynamoDB layout (DESIGN §11)', () => {
  it('keeps a record under task_id, with repo, status and a numeric version for the index and conditions', async () => {
    const taskId = freshTaskId();
    await recordTaskEvent({
      log: aws,
      event: { type: 'task_received', task_id: taskId, at: '2026-11-24T10:00:00.000Z', repo: 'acme/shop' },
    });
    const client = dynamodb();
    const { Item } = await client.send(
      new GetItemCommand({ TableName: mirror.tasksTable, Key: { task_id: { S: taskId } } }),
    );
    expect(Item).toMatchObject({
      task_id: { S: taskId },
      repo: { S: 'acme/shop' },
      status: { S: 'received' },
      version: { N: '1' },
      environments: { M: {} },
    });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: mirror.tasksTable }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.KeySchema])).toEqual([
      [
        TASKS_BY_STATUS_INDEX,
        [
          { AttributeName: 'repo', KeyType: 'HASH' },
          { AttributeName: 'status', KeyType: 'RANGE' },
        ],
      ],
    ]);
    client.destroy();
  });

  it('keeps events under task_id with the sort key step#timestamp#sequence', async () => {
    const taskId = freshTaskId();
    const log = { tasks: aws.tasks, events: aws.events };
    await recordTaskEvent({
      log,
      event: { type: 'task_received', task_id: taskId, at: '2026-11-24T10:00:00.000Z', repo: 'acme/shop' },
    });
    await recordTaskEvent({
      log,
      event: { type: 'state_changed', task_id: taskId, at: '2026-11-24T10:00:01.000Z', to: 'generating' },
    });
    const client = dynamodb();
    const { Items } = await client.send(
      new QueryCommand({
        TableName: mirror.resultsTable,
        KeyConditionExpression: 'task_id = :id',
        ExpressionAttributeValues: { ':id': { S: taskId } },
      }),
    );
    expect(Items?.map((item) => item['sk']?.S)).toEqual([
      'generating#2026-11-24T10:00:01.000Z#000002',
      'task_received#2026-11-24T10:00:00.000Z#000001',
    ]);
    client.destroy();
  });
});

describe('the S3 layout and metadata (DESIGN §11)', () => {
  it('stores artifacts at <owner>/<repo>/<task>/<attempt>/… with content type, sha256 and SSE-KMS', async () => {
    const taskId = freshTaskId();
    await aws.artifacts.put({
      repo: 'acme/shop',
      taskId,
      attempt: 2,
      path: 'validation-report.json',
      body: '{"ok":true}',
    });
    const client = s3();
    const key = `acme/shop/${taskId.split('#')[1]}/2/validation-report.json`;
    const head = await client.send(new HeadObjectCommand({ Bucket: mirror.artifactsBucket, Key: key }));
    expect(head).toMatchObject({
      ContentType: 'application/json',
      Metadata: { sha256: sha256Hex('{"ok":true}') },
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'alias/implementation-agent',
    });
    client.destroy();
  });

  it('uploads a large artifact in parts and reads it back whole', async () => {
    const client = s3();
    const store = createS3ArtifactStore({
      s3: client,
      bucket: mirror.artifactsBucket,
      multipartThresholdBytes: 5 * 1024 * 1024,
    });
    const body = new Uint8Array(6 * 1024 * 1024).map((_, index) => index % 251);
    const ref = { repo: 'acme/shop', taskId: freshTaskId(), attempt: 1, path: 'code.zip' };
    const stored = await store.put({ ...ref, body });
    const head = await client.send(
      new HeadObjectCommand({ Bucket: mirror.artifactsBucket, Key: stored.key }),
    );
    // A multipart object's ETag ends in -<part count>.
    expect(head.ETag).toMatch(/-2"$/);
    expect(head.Metadata).toEqual({ sha256: sha256Hex(body) });
    expect(Buffer.from((await store.get(ref))!.body).equals(Buffer.from(body))).toBe(true);
    client.destroy();
  });

  it('stores a deployment as template, parameters, outputs and record under <owner>/<repo>/<env>/<id>/', async () => {
    const deployment = storedDeployment();
    await aws.deployments.save(deployment);
    const client = s3();
    const prefix = `acme/shop/staging/${deployment.deploymentId}/`;
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: mirror.deploymentsBucket, Prefix: prefix }),
    );
    expect(listed.Contents?.map((object) => object.Key).sort()).toEqual(
      ['outputs.json', 'parameters.json', 'record.json', 'template.json'].map((name) => prefix + name),
    );
    const template = await client.send(
      new HeadObjectCommand({ Bucket: mirror.deploymentsBucket, Key: `${prefix}template.json` }),
    );
    expect(template).toMatchObject({
      ContentType: 'application/yaml',
      Metadata: { sha256: sha256Hex(deployment.template) },
    });

    // A template replaced behind the store's back is not "exactly what was deployed".
    await client.send(
      new PutObjectCommand({
        Bucket: mirror.deploymentsBucket,
        Key: `${prefix}template.json`,
        Body: 'Resources: {}\n',
      }),
    );
    expect(await aws.deployments.load(deployment)).toBeUndefined();
    client.destroy();
  });
});
