import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import type { TaskEvent } from '../../../src/core/task/task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';
import { markerFieldsOf } from '../../../src/core/task/record-from-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { syncTaskMirror } from '../../../src/pipeline/mirror/sync-task-mirror.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK_ID = 'acme/shop#7';

function fakeIssue() {
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
  return { client, bodies };
}

/** The record and events after `bodies`, applied in order from `record`. */
function life(record: TaskRecord | undefined, bodies: Parameters<typeof applyTaskEvent>[1][]) {
  const events: TaskEvent[] = [];
  let current = record;
  for (const body of bodies) {
    const applied = applyTaskEvent(current, body);
    current = applied.record;
    events.push(applied.event);
  }
  return { record: current!, events };
}

/**
 * Two runs took different steps from version 3 while the mirror was out for one of them (the
 * loser, L): the winner W synced its steps (versions 4–6) to the mirror; L's marker still carries
 * its own events 4–5 for the mirror. L's next run starts from its marker.
 */
async function race(lMoves: number) {
  const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10-race-')));
  const at = (minute: number) => `2026-11-24T10:0${minute}:00.000Z`;
  const start = life(undefined, [
    { type: 'task_received', task_id: TASK_ID, at: at(0), repo: 'acme/shop', issue_number: 7 },
    { type: 'attempt_started', task_id: TASK_ID, at: at(0), attempt: 1 },
    { type: 'state_changed', task_id: TASK_ID, at: at(0), to: 'generating' },
  ]);
  await syncTaskMirror({ record: start.record, events: start.events, mirror });
  const winner = life(start.record, [
    { type: 'state_changed', task_id: TASK_ID, at: at(1), to: 'validating' },
    { type: 'state_changed', task_id: TASK_ID, at: at(1), to: 'failed' },
    {
      type: 'outcome_recorded',
      task_id: TASK_ID,
      at: at(1),
      outcome: { version: 1, status: 'failed', reasonCode: 'failed', message: 'W' },
    },
  ]);
  await syncTaskMirror({ record: winner.record, events: winner.events, mirror });
  const loser = life(start.record, [
    { type: 'state_changed', task_id: TASK_ID, at: at(2), to: 'cancelled' },
    {
      type: 'outcome_recorded',
      task_id: TASK_ID,
      at: at(2),
      outcome: { version: 1, status: 'cancelled', reasonCode: 'cancelled', message: 'L' },
    },
  ]);
  const marker: TaskMarker = {
    ...markerFieldsOf(loser.record),
    task_id: TASK_ID,
    state: 'cancelled',
    attempt: 1,
    cost_usd: 0,
    updated_at: at(2),
    unmirrored: loser.events,
  };
  const issue = fakeIssue();
  const board = createStatusBoard({
    client: issue.client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: { commentId: 900, marker, trust: 'trusted', reason: 'is signed', body: '' },
    signingKey: undefined,
    mirrors: mirror,
  });
  const moves = ['received', 'generating', 'validating'] as const;
  for (const to of moves.slice(0, lMoves)) await board.move(to);
  const held = await mirror.events.list(TASK_ID);
  return { issue, held, loser };
}

describe('review10: a two-run race overlapping a mirror outage', () => {
  it.each([1, 3])(
    "the loser's events the mirror never took are still written beside the winner's (the loser moving %i time(s) after)",
    async (lMoves) => {
      const { held, issue } = await race(lMoves);
      const messages = held.flatMap((event) =>
        event.type === 'outcome_recorded' ? [event.outcome.message] : [],
      );
      expect(messages.sort()).toEqual(['L', 'W']);
      expect(held.some((event) => event.type === 'state_changed' && event.to === 'cancelled')).toBe(true);
      expect(issue.bodies.some((body) => body.includes('written by another run'))).toBe(true);
    },
  );
});
