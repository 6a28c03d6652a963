import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { createAwsClient } from '../../../src/aws/create-aws-client.js';
import { createEventBridgePublisher } from '../../../src/aws/eventbridge/eventbridge-publisher.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const eventBridge = mockClient(EventBridgeClient);
beforeEach(() => eventBridge.reset());

function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async (params) => {
        bodies.push(params.body);
        return { data: { id: 900 } };
      },
      updateComment: async (params) => {
        bodies.push(params.body);
        return {};
      },
    },
  };
  return { client, marker: () => parseStateMarker(bodies.at(-1) ?? '')! };
}

let minute = 0;
const now = () => new Date(Date.parse('2026-11-29T10:00:00.000Z') + minute++ * 60_000);

function boardOn(params: {
  client: StatusCommentClient;
  owner: string;
  repo: string;
  taskId: string;
  marker: TaskMarker | undefined;
}) {
  const publisher = createEventBridgePublisher({
    client: createAwsClient(EventBridgeClient, {
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    }),
    busName: 'implementation',
  });
  return createStatusBoard({
    client: params.client,
    owner: params.owner,
    repo: params.repo,
    issueNumber: 7,
    taskId: params.taskId,
    existing: params.marker && {
      commentId: 900,
      marker: params.marker,
      trust: 'trusted',
      reason: 'is signed',
      body: '',
    },
    signingKey: undefined,
    mirrors: { publisher },
    now,
  });
}

describe('lifecycle events left unsent under the spelling before ids were canonical (review10e)', () => {
  it("FAULT: a marker's unsent lifecycle events written as 'Acme/Shop#7' are published under that old spelling after the move to 'acme/shop#7', so consumers keyed by detail.task_id see two tasks (old-case outbox not migrated)", async () => {
    const issue = fakeIssue();
    // The release before canonical ids: the task was 'Acme/Shop#7', and the bus was down.
    eventBridge.on(PutEventsCommand).rejects(new Error('connect ECONNREFUSED 127.0.0.1:4010'));
    const before = boardOn({
      client: issue.client,
      owner: 'Acme',
      repo: 'Shop',
      taskId: 'Acme/Shop#7',
      marker: undefined,
    });
    before.pass('generating');
    before.pass('validating');
    await before.move('pr_open', { patch: { attempt: 1, pull_number: 12 } });
    expect(issue.marker().unsent?.map((event) => event.detail.task_id)).toEqual([
      'Acme/Shop#7',
      'Acme/Shop#7',
    ]);

    // Now: the same task under its one spelling; the bus is back.
    eventBridge.reset();
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await boardOn({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      taskId: 'acme/shop#7',
      marker: issue.marker(),
    }).move('approved');

    const sent = eventBridge
      .commandCalls(PutEventsCommand)
      .flatMap((call) => call.args[0].input.Entries ?? [])
      .map((entry) => JSON.parse(entry.Detail ?? '{}') as { task_id: string; repo: string });
    expect(sent).toHaveLength(3);
    // Right: every event of the task names it as its records do.
    expect(sent.map((detail) => detail.task_id)).toEqual(['acme/shop#7', 'acme/shop#7', 'acme/shop#7']);
    expect(sent.map((detail) => detail.repo)).toEqual(['acme/shop', 'acme/shop', 'acme/shop']);
  });
});
