import { eventsLostOf } from '../../../src/core/task/events-lost-of.js';
import { MAX_LOST_RANGES, type TaskEvent } from '../../../src/core/task/task-event.js';

const at = '2026-11-24T10:00:00.000Z';
const attempt = (sequence: number): TaskEvent => ({
  type: 'attempt_started',
  task_id: 'acme/shop#7',
  at,
  attempt: 1,
  sequence,
});

describe('eventsLostOf: the gap a status marker records when it drops events', () => {
  it('names nothing for nothing dropped', () => {
    expect(eventsLostOf([])).toBeUndefined();
  });

  it('merges sequences into ranges, and takes in an earlier gap event with its own sequence', () => {
    const earlier: TaskEvent = {
      type: 'events_lost',
      task_id: 'acme/shop#7',
      at,
      sequences: [[4, 6]],
      count: 3,
      sequence: 9,
    };
    expect(eventsLostOf([attempt(7), earlier, attempt(10), attempt(12)])).toEqual({
      sequences: [
        [4, 7],
        [9, 10],
        [12, 12],
      ],
      count: 7,
    });
  });

  it(`merges the oldest ranges past ${MAX_LOST_RANGES}, the count staying exact`, () => {
    const dropped = Array.from({ length: MAX_LOST_RANGES + 2 }, (_, index) => attempt(2 * index + 1));
    const lost = eventsLostOf(dropped)!;
    expect(lost.sequences).toHaveLength(MAX_LOST_RANGES);
    expect(lost.sequences[0]).toEqual([1, 5]);
    expect(lost.count).toBe(MAX_LOST_RANGES + 2);
  });
});
