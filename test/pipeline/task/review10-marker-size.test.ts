import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import type { TaskEventStore } from '../../../src/core/stores/task-event-store.js';
import type { TaskStore } from '../../../src/core/stores/task-store.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const down = async (): Promise<never> => {
  throw new Error('connect ECONNREFUSED 127.0.0.1:443');
};
/** A task mirror that cannot be reached (after the SDK's retries). */
const unreachable: { tasks: TaskStore; events: TaskEventStore } = {
  tasks: { get: down, put: down, countParked: down, listByStatus: down },
  events: { append: down, list: down, park: down, listParked: down },
};

describe('review10: the status marker while the mirror is down and outcomes are long', () => {
  it('unmirrored outcome events (2,000-character messages, `-` escaped to 6 characters) are shortened in the marker, so 20 steps of an outage never outgrow the 65,536-character comment', async () => {
    const bodies: string[] = [];
    const client: StatusCommentClient = {
      issues: {
        listComments: async () => {
          throw new Error('unused');
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
    const board = createStatusBoard({
      client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: 'acme/shop#7',
      existing: undefined,
      signingKey: undefined,
      mirrors: unreachable,
    });
    await board.move('generating', { patch: { attempt: 1 } });
    // An answer with a markdown table (the agent's reply to a review comment, say): dashes.
    const table = `| file | change |\n|------|--------|\n${'| src/a.ts | --- |\n'.repeat(200)}`;
    const errors: string[] = [];
    for (let step = 0; step < 20; step += 1) {
      await board
        .move('generating', { outcome: { status: 'answered', message: table } })
        .catch((error: unknown) => errors.push(String(error)));
    }
    // A mirror outage never fails a step (DESIGN §3), and the marker stays readable.
    expect(errors).toEqual([]);
    const marker = parseStateMarker(bodies.at(-1)!)!;
    expect(marker.version).toBeGreaterThan(10);
    expect(bodies.every((body) => body.length <= 65_536)).toBe(true);
    // The record keeps the last outcome whole; older embedded copies are shortened, none dropped yet.
    expect(marker.last_outcome?.message).toHaveLength(2000);
    const outcomes = (marker.unmirrored ?? []).filter((event) => event.type === 'outcome_recorded');
    expect(outcomes).toHaveLength(20);
    expect(outcomes.at(-1)).toMatchObject({ outcome: { message: marker.last_outcome?.message } });
    expect(outcomes[0]).toMatchObject({
      outcome: { status: 'answered', message: `${table.slice(0, 200)}…` },
    });
    expect(marker.unmirrored?.some((event) => event.type === 'events_lost')).toBe(false);
    expect(bodies.some((body) => body.includes('shortened, to fit the comment'))).toBe(true);
  });

  it('a longer outage drops the oldest embedded events, records the gap, and still never throws', async () => {
    const bodies: string[] = [];
    const client: StatusCommentClient = {
      issues: {
        listComments: async () => {
          throw new Error('unused');
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
    const board = createStatusBoard({
      client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: 'acme/shop#7',
      existing: undefined,
      signingKey: undefined,
      mirrors: unreachable,
    });
    await board.move('generating', { patch: { attempt: 1 } });
    const long = '>-'.repeat(1000);
    for (let step = 0; step < 60; step += 1)
      await board.move('generating', { outcome: { status: 'answered', message: long } });
    const marker = parseStateMarker(bodies.at(-1)!)!;
    expect(bodies.every((body) => body.length <= 65_536)).toBe(true);
    // Three events to generating, 60 outcomes, and a gap event with each move that dropped any.
    expect(marker.version).toBeGreaterThan(3 + 60);
    const gap = marker.unmirrored?.at(-1);
    expect(gap).toMatchObject({ type: 'events_lost', sequence: marker.version });
    // Every event the marker no longer carries is named by the gap event.
    const carried = new Set(marker.unmirrored?.map((event) => event.sequence));
    const named = gap?.type === 'events_lost' ? gap.sequences : [];
    const missing = Array.from({ length: marker.version! }, (_, index) => index + 1).filter(
      (sequence) =>
        !carried.has(sequence) && !named.some(([first, last]) => sequence >= first && sequence <= last),
    );
    expect(missing).toEqual([]);
    // …and none it still carries: the ranges are exact.
    expect(named.filter(([first, last]) => [...carried].some((s) => s >= first && s <= last))).toEqual([]);
    expect(bodies.some((body) => body.includes('were dropped unmirrored'))).toBe(true);
  });
});
