import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { createAwsClient } from '../../../src/aws/create-aws-client.js';
import { createEventBridgePublisher } from '../../../src/aws/eventbridge/eventbridge-publisher.js';
import {
  MAX_UNSENT_EVENTS,
  parseStateMarker,
  type TaskMarker,
} from '../../../src/core/state/state-marker.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const eventBridge = mockClient(EventBridgeClient);
beforeEach(() => eventBridge.reset());

const TASK_ID = 'acme/shop#7';

/** An issue holding one status comment: each write replaces its body. */
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
  return { client, bodies, marker: () => parseStateMarker(bodies.at(-1) ?? '')! };
}

let minute = 0;
const now = () => new Date(Date.parse('2026-11-29T10:00:00.000Z') + minute++ * 60_000);

/** A run's board over the comment as the last run left it, sending to the (mocked) bus. */
function boardOn(client: StatusCommentClient, marker: TaskMarker | undefined) {
  const publisher = createEventBridgePublisher({
    client: createAwsClient(EventBridgeClient, {
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    }),
    busName: 'implementation',
  });
  return createStatusBoard({
    client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: marker && { commentId: 900, marker, trust: 'trusted', reason: 'is signed', body: '' },
    signingKey: undefined,
    mirrors: { publisher },
    now,
  });
}

/** The implement run's path to its PR, in one move. */
async function openPullRequest(board: ReturnType<typeof boardOn>) {
  board.pass('generating');
  board.pass('validating');
  await board.move('pr_open', { patch: { attempt: 1, pull_number: 12 } });
}

const sentDetailTypes = () =>
  eventBridge
    .commandCalls(PutEventsCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .map((entry) => entry.DetailType);

describe('lifecycle events the bus did not take are sent again with the next step', () => {
  it('keeps a failed PutEvents’ events in the marker, re-sends them first at the next run, then forgets them', async () => {
    const issue = fakeIssue();
    eventBridge.on(PutEventsCommand).rejects(new Error('connect ECONNREFUSED 127.0.0.1:4010'));
    await openPullRequest(boardOn(issue.client, undefined));

    const failed = issue.marker();
    expect(failed.unsent?.map((event) => [event.detailType, event.detail.sequence])).toEqual([
      ['Task Received', 1],
      ['Pull Request Opened', 5],
    ]);
    expect(issue.bodies.at(-1)).toContain('could not be sent to the event bus');

    // The bus is back; a later, stateless run moves the task on.
    eventBridge.reset();
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await boardOn(issue.client, failed).move('approved');

    expect(sentDetailTypes()).toEqual(['Task Received', 'Pull Request Opened', 'Task Approved']);
    expect(issue.marker().unsent).toBeUndefined();
    expect(issue.bodies.at(-1)).not.toContain('could not be sent');
  });

  it('keeps only the entries EventBridge refused (FailedEntryCount > 0)', async () => {
    const issue = fakeIssue();
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e-1' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });
    await openPullRequest(boardOn(issue.client, undefined));

    expect(issue.marker().unsent?.map((event) => event.detailType)).toEqual(['Pull Request Opened']);
    expect(issue.bodies.at(-1)).toContain('InternalFailure');
  });

  it('says how many events it dropped once the marker holds as many as it can, never silently', async () => {
    const issue = fakeIssue();
    eventBridge.on(PutEventsCommand).rejects(new Error('connect ECONNREFUSED 127.0.0.1:4010'));
    await openPullRequest(boardOn(issue.client, undefined));
    const [received] = issue.marker().unsent!;
    const full = Array.from({ length: MAX_UNSENT_EVENTS }, (_, index) => ({
      ...received!,
      detail: { ...received!.detail, sequence: index + 1 },
    }));

    await boardOn(issue.client, { ...issue.marker(), unsent: full }).move('approved');

    expect(issue.marker().unsent).toHaveLength(MAX_UNSENT_EVENTS);
    expect(issue.marker().unsent?.at(-1)?.detailType).toBe('Task Approved');
    expect(issue.bodies.at(-1)).toContain('1 lifecycle event(s) (Task Received) were dropped unsent');
  });
});
