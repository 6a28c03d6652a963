import { rekeyedEvents } from '../../../src/core/state/rekeyed-events.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import type { TaskEvent } from '../../../src/core/task/task-event.js';
import { lifecycleEventId } from '../../../src/core/task/lifecycle-event-id.js';
import { createEventBridgePublisher } from '../../../src/aws/eventbridge/eventbridge-publisher.js';
import type { PutEventsCommand } from '@aws-sdk/client-eventbridge';

const at = '2026-11-29T10:00:00.000Z';
const lifecycle = (taskId: string, repo: string): LifecycleEvent => ({
  detailType: 'Pull Request Opened',
  detail: { version: 1, task_id: taskId, repo, sequence: 4, at, status: 'pr_open' },
});

describe('rekeyedEvents: what a former identity wrote, under the task as it is named now', () => {
  it('re-keys task events (and task_received repo) and lifecycle events from an old-case spelling', () => {
    const events: TaskEvent[] = [
      { type: 'task_received', task_id: 'Acme/Shop#7', at, sequence: 1, repo: 'Acme/Shop', issue_number: 7 },
      { type: 'state_changed', task_id: 'Acme/Shop#7', at, sequence: 2, to: 'generating' },
    ];
    const out = rekeyedEvents({
      taskId: 'acme/shop#7',
      events,
      lifecycle: [lifecycle('Acme/Shop#7', 'Acme/Shop')],
    });
    expect(out.events.map((event) => event.task_id)).toEqual(['acme/shop#7', 'acme/shop#7']);
    expect(out.events[0]).toMatchObject({ type: 'task_received', repo: 'acme/shop' });
    expect(out.lifecycle[0]?.detail).toMatchObject({ task_id: 'acme/shop#7', repo: 'acme/shop' });
    // The id a consumer dedupes by is the one the event was made with, not one of the new name.
    const original = lifecycle('Acme/Shop#7', 'Acme/Shop');
    expect(out.lifecycle[0]?.detail.event_id).toBe(lifecycleEventId(original));
    expect(lifecycleEventId(out.lifecycle[0] as LifecycleEvent)).toBe(lifecycleEventId(original));
  });

  it('reaches a consumer once: the event sent under the old spelling and again re-keyed carry one event_id', async () => {
    const details: unknown[] = [];
    const publisher = createEventBridgePublisher({
      busName: 'agent-bus',
      client: {
        send: (command: PutEventsCommand) => {
          for (const entry of command.input.Entries ?? []) details.push(JSON.parse(entry.Detail ?? '{}'));
          return Promise.resolve({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }], $metadata: {} });
        },
      },
    });
    const kept = lifecycle('acme/shop#7', 'acme/shop');
    await publisher.publish([kept]);
    // The repository became acme/store; the outbox still held the event (the bus's answer was lost).
    const moved = rekeyedEvents({ taskId: 'acme/store#7', events: [], lifecycle: [kept] });
    // Re-keyed twice (a second rename) it keeps the first identity still.
    const again = rekeyedEvents({ taskId: 'acme/depot#7', events: [], lifecycle: moved.lifecycle });
    await publisher.publish([...moved.lifecycle, ...again.lifecycle]);
    const ids = details.map((detail) => (detail as { event_id: string }).event_id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(details[2]).toMatchObject({ task_id: 'acme/depot#7', repo: 'acme/depot' });
  });

  it('keeps task events’ results-table identity: only task_id (the partition) changes, never sequence or time', () => {
    const event: TaskEvent = {
      type: 'state_changed',
      task_id: 'acme/shop#7',
      at,
      sequence: 2,
      to: 'generating',
    };
    const [moved] = rekeyedEvents({ taskId: 'acme/store#7', events: [event], lifecycle: [] }).events;
    expect(moved).toEqual({ ...event, task_id: 'acme/store#7' });
  });

  it('gives two different milestones re-keyed together two ids still', () => {
    const first = lifecycle('acme/shop#7', 'acme/shop');
    const second: LifecycleEvent = { ...first, detail: { ...first.detail, sequence: 5 } };
    const out = rekeyedEvents({ taskId: 'acme/store#7', events: [], lifecycle: [first, second] });
    expect(out.lifecycle[0]?.detail.event_id).not.toBe(out.lifecycle[1]?.detail.event_id);
  });

  it('re-keys a renamed repository (acme/shop → acme/store) the same way', () => {
    const out = rekeyedEvents({
      taskId: 'acme/store#7',
      events: [],
      lifecycle: [lifecycle('acme/shop#7', 'acme/shop')],
    });
    expect(out.lifecycle[0]?.detail).toMatchObject({ task_id: 'acme/store#7', repo: 'acme/store' });
  });

  it('leaves events already under the task id as they are, and keeps a CLI repository’s case', () => {
    const same = lifecycle('acme/shop#7', 'acme/shop');
    expect(rekeyedEvents({ taskId: 'acme/shop#7', events: [], lifecycle: [same] }).lifecycle[0]).toBe(same);
    const local = rekeyedEvents({
      taskId: 'local/MyRepo#feature',
      events: [],
      lifecycle: [lifecycle('local/myrepo#feature', 'local/myrepo')],
    });
    expect(local.lifecycle[0]?.detail).toMatchObject({
      task_id: 'local/MyRepo#feature',
      repo: 'local/MyRepo',
    });
  });
});
