/**
 * review10f (attack on issue #10): a conditional write whose answer is lost on the way back.
 *
 * A loopback HTTP proxy in front of moto forwards one chosen PutItem, lets moto apply it, and
 * answers the client HTTP 500 instead of moto's 200 (a connection cut, a load balancer's error
 * after the write). The real SDK's standard retry sends the same request again, and DynamoDB answers
 * that repeat ConditionalCheckFailedException: the condition now fails on the writer's own item.
 *
 * Tried and held: the status board's mirror sync (`syncTaskMirror` → `putUnlessNewer`) reads the
 * record back after a conflict and, finding its own record, counts the write done (no warning, one
 * record, one event); a first write that really loses to another writer still re-reads and re-applies.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { createAwsClient } from '../../src/aws/create-aws-client.js';
import { createDocumentClient } from '../../src/aws/dynamodb/create-dynamodb-client.js';
import { createDynamoDbDeployLockStore } from '../../src/aws/dynamodb/dynamodb-deploy-lock-store.js';
import { lockTableDefinition } from '../../src/aws/dynamodb/lock-table-definition.js';
import type { TaskEventBody } from '../../src/core/task/task-event.js';
import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { openTaskJournal } from '../../src/pipeline/mirror/task-journal.js';
import { syncTaskMirror } from '../../src/pipeline/mirror/sync-task-mirror.js';
import { applyTaskEvent } from '../../src/core/task/apply-task-event.js';
import type { TaskEvent } from '../../src/core/task/task-event.js';
import type { TaskRecord } from '../../src/core/task/task-record.js';
import {
  createMotoMirror,
  motoEndpoint,
  motoOverrides,
  motoSettings,
  type MotoMirror,
} from './helpers/moto.js';

/** An HTTP proxy to moto that, while armed, swallows the answer of the next request `matches` picks. */
interface AnswerDroppingProxy {
  readonly url: string;
  /** The next request whose target and body `matches` is applied by moto, and answered 500. */
  arm(matches: (target: string, body: string) => boolean): void;
  /** How many answers were swallowed. */
  readonly dropped: () => number;
  close(): Promise<void>;
}

async function startAnswerDroppingProxy(targetUrl: string): Promise<AnswerDroppingProxy> {
  const target = new URL(targetUrl);
  let armed: ((target: string, body: string) => boolean) | undefined;
  let dropped = 0;
  const server: Server = createServer((incoming, answer) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const amzTarget = String(incoming.headers['x-amz-target'] ?? '');
      const swallow = armed !== undefined && armed(amzTarget, body.toString('utf8'));
      if (swallow) armed = undefined;
      const upstream = request(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers as IncomingHttpHeaders,
        },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (chunk: Buffer) => parts.push(chunk));
          response.on('end', () => {
            if (swallow) {
              // moto applied the write; the client is told the server failed.
              dropped += 1;
              answer.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
              answer.end(
                JSON.stringify({
                  __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
                  message: 'Internal server error',
                }),
              );
              return;
            }
            answer.writeHead(response.statusCode ?? 500, response.headers);
            answer.end(Buffer.concat(parts));
          });
        },
      );
      upstream.on('error', () => answer.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    arm: (matches) => {
      armed = matches;
    },
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const isWriteTo = (action: string) => (table: string) => (target: string, body: string) =>
  target.endsWith(`.${action}`) && (JSON.parse(body) as { TableName?: string }).TableName === table;
const isPutTo = isWriteTo('PutItem');
const isDeleteFrom = isWriteTo('DeleteItem');

let proxy: AnswerDroppingProxy;
let moto: MotoMirror;
let viaProxy: MirrorStores;
let direct: MirrorStores;

beforeAll(async () => {
  proxy = await startAnswerDroppingProxy(motoEndpoint());
  moto = await createMotoMirror();
  viaProxy = mirrorStoresForConfig({ config: moto.config, aws: motoOverrides(proxy.url) });
  direct = mirrorStoresForConfig({ config: moto.config, aws: motoOverrides() });
});

afterAll(async () => {
  viaProxy.close();
  direct.close();
  await proxy.close();
});

const SHA = 'a'.repeat(40);
const at = (second: number) => new Date(Date.parse('2026-11-30T10:00:00.000Z') + second * 1000).toISOString();

describe('review10f: a conditional write whose answer was lost, retried by the SDK', () => {
  it("FAULT: lock held by itself: a deploy lock take whose answer was lost reports the lock held by the very run that took it, so the deploy is refused as locked and its environment stays locked by nobody's run until the lock's TTL runs out (a deploy run's: its timeout + 5 minutes)", async () => {
    const table = `DeployLocks-${randomUUID().slice(0, 8)}`;
    const admin = createAwsClient(DynamoDBClient, motoSettings());
    await admin.send(new CreateTableCommand(lockTableDefinition(table)));
    admin.destroy();
    const documents = createDocumentClient({ ...motoSettings(proxy.url) });
    const locks = createDynamoDbDeployLockStore({ client: documents, tableName: table });
    try {
      proxy.arm(isPutTo(table));
      const before = proxy.dropped();
      const taken = await locks.acquire({
        repository: 'acme/shop',
        environment: 'staging',
        holder: 'deploy run 9001',
        ref: 'main',
        sha: SHA,
        deploymentId: 501,
      });
      // The setup holds: the first answer was swallowed, and the lock item is this run's.
      expect(proxy.dropped() - before).toBe(1);
      const held = await locks.current({ repository: 'acme/shop', environment: 'staging' });
      expect(held?.holder).toBe('deploy run 9001');
      // The right answer: the run holds the lock it wrote.
      expect(taken).toMatchObject({
        acquired: true,
        lock: { holder: 'deploy run 9001', token: held?.token },
      });
    } finally {
      documents.destroy();
    }
  });

  it('a deploy lock release whose answer was lost is released (the retry finds no lock), not "changed hands"', async () => {
    const table = `DeployLocks-${randomUUID().slice(0, 8)}`;
    const admin = createAwsClient(DynamoDBClient, motoSettings());
    await admin.send(new CreateTableCommand(lockTableDefinition(table)));
    admin.destroy();
    const documents = createDocumentClient({ ...motoSettings(proxy.url) });
    const locks = createDynamoDbDeployLockStore({ client: documents, tableName: table });
    const key = { repository: 'acme/shop', environment: 'staging' };
    try {
      const taken = await locks.acquire({ ...key, holder: 'deploy run 9002', ref: 'main', sha: SHA });
      if (!taken.acquired) throw new Error('expected the lock to be taken');
      proxy.arm(isDeleteFrom(table));
      const before = proxy.dropped();
      const released = await locks.release({ ...key, token: taken.lock.token });
      expect(proxy.dropped() - before).toBe(1);
      expect(released).toBe('released');
      expect(await locks.current(key)).toBeUndefined();
    } finally {
      documents.destroy();
    }
  });

  it("FAULT: step applied twice: a deploy run's step on a task with no trusted status comment (openTaskJournal on the tables) whose tasks-table put answer was lost is applied again on its own write: two deploy_started events for one deployment, two Deploy Started milestones, version 3 for 2 steps", async () => {
    const taskId = `acme/shop#${Math.floor(Math.random() * 1e6) + 1}`;
    const log = { tasks: viaProxy.tasks!, events: viaProxy.events! };
    const journal = openTaskJournal({ taskId, log });
    await journal.record([{ type: 'task_received', task_id: taskId, at: at(0), repo: 'acme/shop' }]);
    const started: TaskEventBody = {
      type: 'deploy_started',
      task_id: taskId,
      at: at(1),
      environment: 'staging',
      deployment_id: 501,
      sha: SHA,
    };
    proxy.arm(isPutTo(moto.tasksTable));
    const before = proxy.dropped();
    await journal.record([started]);
    expect(proxy.dropped() - before).toBe(1);

    const record = await direct.tasks!.get(taskId);
    const events = await direct.events!.list(taskId);
    // The right answer: one step taken once.
    expect(events.filter((event) => event.type === 'deploy_started')).toHaveLength(1);
    expect(record?.version).toBe(2);
  });

  it('holds: the status board mirror sync whose put answer was lost finds its own record and counts it written', async () => {
    const taskId = `acme/shop#${Math.floor(Math.random() * 1e6) + 1}`;
    let record: TaskRecord | undefined;
    const events: TaskEvent[] = [];
    for (const body of [
      { type: 'task_received', task_id: taskId, at: at(0), repo: 'acme/shop' },
      { type: 'state_changed', task_id: taskId, at: at(1), to: 'generating' },
    ] as const) {
      const applied = applyTaskEvent(record, body);
      record = applied.record;
      events.push(applied.event);
    }
    proxy.arm(isPutTo(moto.tasksTable));
    const before = proxy.dropped();
    const result = await syncTaskMirror({ record: record!, events, mirror: viaProxy });
    expect(proxy.dropped() - before).toBe(1);
    expect(result.status).toBe('caught-up');
    expect((await direct.tasks!.get(taskId))?.version).toBe(2);
    expect(await direct.events!.list(taskId)).toHaveLength(2);
  });
});
