/**
 * Attacker pass (review #10j) on the status board's write ids: `holdsWrite` / `withLaterWrites`
 * (src/core/state/holds-write.ts), `recentWritesAfter` (recent-writes.ts), `boardAfterWrite`, and
 * the marker's trust (forged or pasted markers naming a run's write). A fault is `it.failing`
 * asserting the right answer; an attack the code refuses is an ordinary test.
 */
import { randomBytes } from 'node:crypto';
import { holdsWrite, withLaterWrites } from '../../../src/core/state/holds-write.js';
import { judgeMarker } from '../../../src/core/state/judge-marker.js';
import { recentWritesAfter } from '../../../src/core/state/recent-writes.js';
import {
  MAX_RECENT_WRITES,
  RECENT_WRITE_MS,
  readStateMarker,
  renderStateMarker,
  taskMarkerSchema,
  type TaskMarker,
} from '../../../src/core/state/state-marker.js';
import { boardAfterWrite } from '../../../src/pipeline/task/board-after-write.js';
import type { StatusCommentRef } from '../../../src/github/status-comment.js';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const HOUR_AGO = seconds(NOW) - 3600;

const base: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-30T11:00:00.000Z',
  version: 5,
  // Two writes made an hour ago (the pull request opened): both still in the window of 8, but
  // long out of `recent_writes`' 15 minutes.
  writes: ['aaaaaaaa', 'bbbbbbbb'],
  recent_writes: [
    { id: 'aaaaaaaa', at: HOUR_AGO },
    { id: 'bbbbbbbb', at: HOUR_AGO + 60 },
  ],
};

/** The marker a run writes on `on` as the board does (create-status-board `commit`). */
const writeOn = (on: TaskMarker, id: string, at: Date): TaskMarker => ({
  ...on,
  version: (on.version ?? 0) + 1,
  writes: [...(on.writes ?? []), id].slice(-8),
  recent_writes: recentWritesAfter(on.recent_writes, id, at),
});

const ref = (marker: TaskMarker): StatusCommentRef => ({
  commentId: 1,
  marker,
  trust: 'trusted',
  reason: 'test',
  body: '',
});

describe('review10j attacker: which write a marker holds', () => {
  // Run X writes c on the hour-old board; its first read-back holds c. Run Y, which read the
  // same hour-old board just before c landed, writes y over it (GitHub keeps the last edit). The
  // read-back after the settle delay sees Y's marker, which names a, b and y: not c.
  const ours = writeOn(base, 'cccccccc', NOW);
  const racer = writeOn(base, 'dddddddd', new Date(NOW.getTime() + 2000));

  it('the setting: the racer names neither c nor any write built on c', () => {
    expect(racer.writes).toEqual(['aaaaaaaa', 'bbbbbbbb', 'dddddddd']);
    expect(holdsWrite(racer, { id: 'cccccccc' })).toBe(false);
  });

  it('FAULT: a read-back of our own write learns the writes BEFORE it as built on it, once recent_writes has dropped them', () => {
    // namedIds lists recent_writes first and `writes` after, so a window write older than 15
    // minutes comes after ours in that order and is taken as "later".
    const known = withLaterWrites({ id: 'cccccccc' }, ours);
    expect(known.later ?? []).not.toContain('aaaaaaaa');
    expect(known.later ?? []).not.toContain('bbbbbbbb');
  });

  it('FAULT: a racer that replaced our write on the same base counts as holding it (the step is lost)', () => {
    const known = withLaterWrites({ id: 'cccccccc' }, ours);
    expect(holdsWrite(racer, known)).toBe(false);
  });

  it('FAULT: boardAfterWrite keeps a write the second read-back shows replaced', async () => {
    const reads = [ref(ours), ref(racer)];
    const after = await boardAfterWrite({
      commentId: 1,
      created: false,
      write: { id: 'cccccccc' },
      checkWrites: true,
      reread: async () => reads.shift(),
      settle: async () => {},
      log: () => {},
    });
    expect(after.replaced?.marker.writes).toEqual(racer.writes);
  });

  it('FAULT: the same on a board written before recent_writes existed (none kept)', () => {
    const { recent_writes: _none, ...older } = base;
    const oursOnOlder = writeOn(older, 'cccccccc', NOW);
    // recent_writes holds c alone; writes hold a, b, c. Only c and what follows it is "later".
    expect(oursOnOlder.recent_writes).toEqual([{ id: 'cccccccc', at: seconds(NOW) }]);
    expect(withLaterWrites({ id: 'cccccccc' }, oursOnOlder).later ?? []).toEqual([]);
  });
});

describe('review10j attacker: what holds (refused attacks)', () => {
  it('a pasted marker naming our write id is not the marker: only the last line is read', () => {
    const signed = renderStateMarker(writeOn(base, 'cccccccc', NOW), Buffer.alloc(32, 7));
    const body = `Quoting the board:\n\n> ${signed}\n\n${renderStateMarker(base, Buffer.alloc(32, 7))}`;
    expect(readStateMarker(body)?.marker.writes).toEqual(base.writes);
  });

  it('a forged marker (recent_writes edited, signature kept) is ignored under a key', () => {
    const key = Buffer.alloc(32, 7);
    const line = renderStateMarker(base, key);
    const forged = line.replace('"bbbbbbbb"', '"cccccccc"');
    const read = readStateMarker(forged)!;
    expect(read.marker.writes).toContain('cccccccc');
    const judged = judgeMarker({
      author: 'implementation-agent[bot]',
      line: read,
      identity: 'implementation-agent[bot]',
      taskId: 'acme/shop#7',
      keys: { current: key },
      repositoryId: 1,
    });
    expect(judged.trust).toBe('ignored');
  });

  it('boardAfterWrite does not take a display-only marker naming its write as proof, nor learn from it', async () => {
    const unsigned = { ...ref(writeOn(base, 'eeeeeeee', NOW)), trust: 'display-only' as const };
    const after = await boardAfterWrite({
      commentId: 1,
      created: false,
      write: { id: 'eeeeeeee' },
      checkWrites: true,
      reread: async () => unsigned,
      log: () => {},
    });
    // Not trusted: neither "replaced" nor proof; the write stands as far as this read can tell.
    expect(after).toEqual({});
  });

  it(`the schema refuses more than ${MAX_RECENT_WRITES} recent writes, and ids that are not 8 hex digits`, () => {
    const many = Array.from({ length: MAX_RECENT_WRITES + 1 }, () => ({
      id: randomBytes(4).toString('hex'),
      at: seconds(NOW),
    }));
    expect(taskMarkerSchema.safeParse({ ...base, recent_writes: many }).success).toBe(false);
    expect(taskMarkerSchema.safeParse({ ...base, recent_writes: [{ id: 'ccccccccX', at: 1 }] }).success).toBe(
      false,
    );
    expect(taskMarkerSchema.safeParse({ ...base, recent_writes: [{ id: 'cccccccc', at: -1 }] }).success).toBe(
      false,
    );
  });

  it('past 32 writes in 15 minutes the oldest drop and its run applies again (by design, not held)', () => {
    let marker = writeOn(base, 'cccccccc', NOW);
    for (let index = 0; index < MAX_RECENT_WRITES; index += 1)
      marker = writeOn(marker, index.toString(16).padStart(8, '0'), new Date(NOW.getTime() + index * 1000));
    expect(marker.recent_writes).toHaveLength(MAX_RECENT_WRITES);
    expect(holdsWrite(marker, { id: 'cccccccc' })).toBe(false);
  });

  it('a later-stamped entry (a runner whose clock runs ahead) is kept, not dropped as stale', () => {
    const ahead = recentWritesAfter([{ id: 'ffffffff', at: seconds(NOW) + 3600 }], 'cccccccc', NOW);
    expect(ahead.map((write) => write.id)).toEqual(['ffffffff', 'cccccccc']);
  });

  it('a duplicate id in the window and recent line is counted once', () => {
    const doubled: TaskMarker = {
      ...base,
      writes: ['aaaaaaaa', 'cccccccc', 'aaaaaaaa', 'dddddddd'],
      recent_writes: [
        { id: 'cccccccc', at: seconds(NOW) },
        { id: 'dddddddd', at: seconds(NOW) },
      ],
    };
    expect(holdsWrite(doubled, { id: 'cccccccc' })).toBe(true);
    expect(withLaterWrites({ id: 'dddddddd' }, doubled).later ?? []).not.toContain('dddddddd');
  });

  it('a runner whose clock is behind by more than 15 minutes stamps entries others drop at once', () => {
    // Recorded, not a fault: RECENT_WRITE_MS promises room for skew below it only.
    const behind = new Date(NOW.getTime() - RECENT_WRITE_MS - 60_000);
    const stamped = recentWritesAfter([], 'cccccccc', behind);
    expect(recentWritesAfter(stamped, 'dddddddd', NOW).map((write) => write.id)).toEqual(['dddddddd']);
  });
});
