import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAwsClient } from '../../../src/aws/create-aws-client.js';
import { createEventBridgePublisher } from '../../../src/aws/eventbridge/eventbridge-publisher.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient, StatusCommentRef } from '../../../src/github/status-comment.js';
import { openTaskJournal } from '../../../src/pipeline/mirror/task-journal.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const eventBridge = mockClient(EventBridgeClient);
beforeEach(() => {
  eventBridge.reset();
  eventBridge.on(PutEventsCommand).callsFake((input: { Entries?: unknown[] }) => ({
    FailedEntryCount: 0,
    Entries: (input.Entries ?? []).map((_, index) => ({ EventId: `e${index}` })),
  }));
});

const TASK_ID = 'acme/shop#7';

/** What a consumer receives: each entry's detail-type and parsed detail, in order. */
function received(): { detailType: string; detail: Record<string, unknown> }[] {
  return eventBridge.commandCalls(PutEventsCommand).flatMap((call) =>
    (call.args[0].input.Entries ?? []).map((entry) => ({
      detailType: entry.DetailType ?? '',
      detail: JSON.parse(entry.Detail ?? '{}') as Record<string, unknown>,
    })),
  );
}

function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => {
        throw new Error('the board must not list comments');
      },
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
  return { client, bodies };
}

describe('review10d: lifecycle events a consumer can tell apart', () => {
  it("FAULT: a deploy run's steps kept in the tasks table and the comment's next step never share a consumer's duplicate key", async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10d-seq-')));
    const publisher = createEventBridgePublisher({
      client: createAwsClient(EventBridgeClient, {
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        maxAttempts: 1,
      }),
      busName: 'implementation',
    });
    const mirrors = { tasks: mirror.tasks, events: mirror.events, publisher };
    const issue = fakeIssue();
    const boardFrom = (existing: StatusCommentRef | undefined) =>
      createStatusBoard({
        client: issue.client,
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        taskId: TASK_ID,
        existing,
        signingKey: undefined,
        mirrors,
      });
    // The implement workflow under GITHUB_TOKEN, no marker key: its comment is display-only.
    const first = boardFrom(undefined);
    first.pass('generating');
    first.pass('validating');
    await first.move('pr_open', { patch: { pull_number: 8 } });
    const display = (): StatusCommentRef => ({
      commentId: 900,
      marker: parseStateMarker(issue.bodies.at(-1) ?? '')!,
      trust: 'display-only',
      reason: 'was written as github-actions[bot]',
      body: issue.bodies.at(-1) ?? '',
    });
    const afterPr = display();
    // A deploy run does not edit a display-only comment: its step moves the tasks table alone.
    await openTaskJournal({ taskId: TASK_ID, log: mirror, mirror: { publisher } }).record([
      {
        type: 'deploy_started',
        task_id: TASK_ID,
        at: '2026-11-24T11:00:00.000Z',
        environment: 'staging',
        deployment_id: 55,
        sha: 'a'.repeat(40),
      },
    ]);
    // The next review event continues from the comment.
    await boardFrom(afterPr).move('approved');

    const events = received();
    expect(events.map((event) => event.detailType)).toEqual(
      expect.arrayContaining(['Pull Request Opened', 'Deploy Started', 'Task Approved']),
    );
    // The README: consumers drop duplicates by `event_id` (an event re-sent from an outbox keeps it).
    const ids = events.map((event) => event.detail['event_id']);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(events.length);
  });
});
