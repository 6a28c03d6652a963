import { rekeyedEvents } from '../../../src/core/state/rekeyed-events.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import type { TaskEvent } from '../../../src/core/task/task-event.js';

const at = '2026-11-29T10:00:00.000Z';
const lifecycle = (taskId: string, repo: string): LifecycleEvent => ({
  detailType: 'Pull Request Opened',
  detail: { version: 1, task_id: taskId, repo, sequence: 4, at, status: 'pr_open', event_id: 'a'.repeat(32) },
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
    // The id a consumer dedupes by is set again as it is sent, from the new identity.
    expect(out.lifecycle[0]?.detail.event_id).toBeUndefined();
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
