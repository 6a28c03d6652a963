import { fitUnmirrored, markerChars } from '../../../src/core/state/fit-unmirrored.js';
import { renderStateMarker } from '../../../src/core/state/state-marker.js';
import type { TaskEvent } from '../../../src/core/task/task-event.js';

const TASK = 'acme/shop#7';
const at = '2026-11-24T10:00:00.000Z';
const usage = (sequence: number): TaskEvent => ({
  type: 'usage_recorded',
  task_id: TASK,
  at,
  sequence,
  model: 'm',
  input_tokens: 1,
  output_tokens: 1,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_usd: 0,
});
const outcome = (sequence: number, message: string): TaskEvent => ({
  type: 'outcome_recorded',
  task_id: TASK,
  at,
  sequence,
  outcome: { version: 1, status: 'answered', reasonCode: 'answered', message },
});

describe('fitUnmirrored: the events a status marker carries for a mirror that is out', () => {
  it('keeps everything within both bounds', () => {
    const events = [usage(1), usage(2)];
    expect(fitUnmirrored({ events, maxEvents: 2, maxChars: 10_000 })).toEqual({
      kept: events,
      dropped: [],
      shortened: 0,
    });
  });

  it('drops the oldest past the count, and returns them', () => {
    const fit = fitUnmirrored({ events: [usage(1), usage(2), usage(3)], maxEvents: 2, maxChars: 10_000 });
    expect(fit.kept.map((event) => event.sequence)).toEqual([2, 3]);
    expect(fit.dropped.map((event) => event.sequence)).toEqual([1]);
  });

  it("shortens the oldest outcomes' copies before dropping anything, keeping status and reason code", () => {
    const long = '-'.repeat(2000);
    const events = [outcome(1, long), outcome(2, long), usage(3)];
    const all = events.reduce((sum, event) => sum + markerChars(event), 0);
    const fit = fitUnmirrored({ events, maxEvents: 40, maxChars: all - 5000 });
    expect(fit.dropped).toEqual([]);
    expect(fit.shortened).toBe(1);
    expect(fit.kept[0]).toMatchObject({
      sequence: 1,
      outcome: { status: 'answered', reasonCode: 'answered', message: `${'-'.repeat(200)}…` },
    });
    expect(fit.kept[1]).toEqual(events[1]);
  });

  it('drops the oldest when shortening is not enough, and never exceeds the size as the marker writes it', () => {
    const events = Array.from({ length: 30 }, (_, index) => outcome(index + 1, '|---|'.repeat(400)));
    const fit = fitUnmirrored({ events, maxEvents: 40, maxChars: 4000 });
    expect(fit.dropped.length).toBeGreaterThan(0);
    expect(fit.kept.at(-1)?.sequence).toBe(30);
    const written = renderStateMarker({
      task_id: TASK,
      state: 'generating',
      attempt: 1,
      cost_usd: 0,
      updated_at: at,
      unmirrored: fit.kept,
    });
    const empty = renderStateMarker({
      task_id: TASK,
      state: 'generating',
      attempt: 1,
      cost_usd: 0,
      updated_at: at,
    });
    expect(written.length - empty.length).toBeLessThanOrEqual(4000 + 20);
  });
});
