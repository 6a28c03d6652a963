import { MAX_RECORD_VERSION } from '../../../src/core/task/task-record.js';
import type { TaskEvent } from '../../../src/core/task/task-event.js';
import { unrecordedSequences } from '../../../src/core/task/unrecorded-sequences.js';
import { eventsLostOf } from '../../../src/core/task/events-lost-of.js';

const at = '2026-11-24T10:00:00.000Z';
const attempt = (sequence: number): TaskEvent => ({
  type: 'attempt_started',
  task_id: 'acme/shop#7',
  at,
  attempt: 1,
  sequence,
});
const gap = (sequence: number, sequences: [number, number][]): TaskEvent => ({
  type: 'events_lost',
  task_id: 'acme/shop#7',
  at,
  sequences,
  count: sequences.reduce((sum, [first, last]) => sum + last - first + 1, 0),
  sequence,
});

describe('unrecordedSequences: what a mirror lacks that nothing can send or name', () => {
  it('names every sequence of a mirror that holds nothing and a source that carries nothing', () => {
    expect(unrecordedSequences({ version: 5, covered: 0, held: [], carried: [] })).toEqual([[1, 5]]);
  });

  it('names nothing when the mirror is at the version, or past it (another run)', () => {
    expect(unrecordedSequences({ version: 5, covered: 5, held: [], carried: [] })).toEqual([]);
    expect(unrecordedSequences({ version: 5, covered: 9, held: [], carried: [] })).toEqual([]);
  });

  it('leaves out what is carried, held, or named by a gap event among either', () => {
    const missing = unrecordedSequences({
      version: 20,
      covered: 2,
      held: [attempt(4), gap(12, [[9, 11]])],
      carried: [
        attempt(13),
        gap(20, [
          [15, 16],
          [18, 19],
        ]),
      ],
    });
    expect(missing).toEqual([
      [3, 3],
      [5, 8],
      [14, 14],
      [17, 17],
    ]);
  });

  it('costs ranges, not sequences, at the version cap', () => {
    expect(
      unrecordedSequences({ version: MAX_RECORD_VERSION, covered: 0, held: [], carried: [attempt(7)] }),
    ).toEqual([
      [1, 6],
      [8, MAX_RECORD_VERSION],
    ]);
  });

  it('what it names, eventsLostOf counts exactly beside a dropped event', () => {
    expect(eventsLostOf([attempt(9)], [[1, 5]])).toEqual({
      sequences: [
        [1, 5],
        [9, 9],
      ],
      count: 6,
    });
  });
});
