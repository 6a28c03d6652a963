import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { createAwsClient } from '../../../src/aws/create-aws-client.js';
import { createEventBridgePublisher } from '../../../src/aws/eventbridge/eventbridge-publisher.js';
import { unsentOf } from '../../../src/core/stores/lifecycle-publisher.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { lifecycleEventFor, type LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';

const eventBridge = mockClient(EventBridgeClient);
beforeEach(() => eventBridge.reset());

const publisher = () =>
  createEventBridgePublisher({
    client: createAwsClient(EventBridgeClient, {
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    }),
    busName: 'implementation',
  });

function received(n: number): LifecycleEvent {
  const { record, event } = applyTaskEvent(undefined, {
    type: 'task_received',
    task_id: `acme/shop#${n}`,
    repo: 'acme/shop',
    issue_number: n,
    at: '2026-11-24T10:00:00.000Z',
  });
  return lifecycleEventFor(event, record)!;
}

/** What `publish` left unsent: nothing when it resolved. */
async function unsentAfter(events: readonly LifecycleEvent[]): Promise<readonly LifecycleEvent[]> {
  try {
    await publisher().publish(events);
    return [];
  } catch (error) {
    return unsentOf(error, events);
  }
}

describe('review10d: which PutEvents entries count as sent', () => {
  const events = [received(1), received(2), received(3)];

  it('FAULT: a failed answer without its entries leaves the whole batch unsent, never counted as published', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1 });
    expect(await unsentAfter(events)).toEqual(events);
  });

  it('FAULT: entries the answer does not account for (no EventId) are unsent, not only those with an ErrorCode', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 2,
      Entries: [{ EventId: 'a1' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });
    expect(await unsentAfter(events)).toEqual([events[1], events[2]]);
  });

  it('FAULT: an entry carrying an ErrorCode is unsent even when FailedEntryCount says 0', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 0,
      Entries: [{ EventId: 'a1' }, { ErrorCode: 'ThrottlingException' }, { EventId: 'a3' }],
    });
    expect(await unsentAfter(events)).toEqual([events[1]]);
  });

  it('every entry with an EventId is sent', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 0,
      Entries: [{ EventId: 'a1' }, { EventId: 'a2' }, { EventId: 'a3' }],
    });
    expect(await unsentAfter(events)).toEqual([]);
  });
});
