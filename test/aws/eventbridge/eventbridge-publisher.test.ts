import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { createAwsClient } from '../../../src/aws/create-aws-client.js';
import { createEventBridgePublisher } from '../../../src/aws/eventbridge/eventbridge-publisher.js';
import { LifecyclePublishError, unsentOf } from '../../../src/core/stores/lifecycle-publisher.js';
import { lifecycleEventFor, type LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';

const eventBridge = mockClient(EventBridgeClient);
beforeEach(() => eventBridge.reset());

const client = () =>
  createAwsClient(EventBridgeClient, {
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
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

describe('createEventBridgePublisher', () => {
  it('puts each event on the bus with its source, detail-type, versioned detail and time, ten per call', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const publisher = createEventBridgePublisher({ client: client(), busName: 'implementation' });

    await publisher.publish(Array.from({ length: 12 }, (_, index) => received(index + 1)));

    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 2]);
    const first = calls[0]!.args[0].input.Entries![0]!;
    expect(first).toMatchObject({
      EventBusName: 'implementation',
      Source: 'implementation-agent',
      DetailType: 'Task Received',
      Time: new Date('2026-11-24T10:00:00.000Z'),
    });
    expect(JSON.parse(first.Detail!)).toEqual({
      version: 1,
      task_id: 'acme/shop#1',
      repo: 'acme/shop',
      issue_number: 1,
      sequence: 1,
      at: '2026-11-24T10:00:00.000Z',
      status: 'received',
      // The consumers' duplicate key, sent with the event (review10d).
      event_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('throws naming the error code when EventBridge refuses an entry', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'AccessDeniedException', ErrorMessage: 'not authorized on bus implementation' }],
    });
    const publisher = createEventBridgePublisher({ client: client(), busName: 'implementation' });

    await expect(publisher.publish([received(1)])).rejects.toThrow(
      /refused 1 of 1 lifecycle event\(s\) on implementation \(Task Received: AccessDeniedException not authorized/,
    );
  });

  it('throws the SDK error when the call fails', async () => {
    eventBridge
      .on(PutEventsCommand)
      .rejects(Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' }));
    const publisher = createEventBridgePublisher({ client: client(), busName: 'implementation' });

    await expect(publisher.publish([received(1)])).rejects.toThrow('Service unavailable');
  });

  it('names exactly the refused entries as unsent, and sends the later batches', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 2,
        Entries: Array.from({ length: 10 }, (_, index) =>
          index === 3 || index === 7
            ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }
            : { EventId: `e-${index}` },
        ),
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-10' }, { EventId: 'e-11' }] });
    const publisher = createEventBridgePublisher({ client: client(), busName: 'implementation' });
    const events = Array.from({ length: 12 }, (_, index) => received(index + 1));

    const error = await publisher.publish(events).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(LifecyclePublishError);
    expect((error as LifecyclePublishError).unsent).toEqual([events[3], events[7]]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
  });

  it('names the failed batch and every later one as unsent when a call fails', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 0, Entries: [] })
      .rejects(Object.assign(new Error('connect ECONNREFUSED'), { name: 'Error' }));
    const publisher = createEventBridgePublisher({ client: client(), busName: 'implementation' });
    const events = Array.from({ length: 23 }, (_, index) => received(index + 1));

    const error = await publisher.publish(events).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect((error as LifecyclePublishError).unsent).toEqual(events.slice(10));
    expect(unsentOf(error, events)).toEqual(events.slice(10));
    expect(unsentOf(new Error('anything else'), events)).toEqual(events);
  });
});
