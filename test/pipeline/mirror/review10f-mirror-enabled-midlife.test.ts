/**
 * review10f (attack on issue #10): mirrors turned on while a task is under way.
 *
 * Mirrors are optional and off by default, so a team adds `mirrors:` to its config while tasks are
 * open. With no mirror, the status marker keeps no `unmirrored` events (create-status-board.ts:
 * `if (mirrored && unmirrored.length > 0)`), so the first step after the config change offers the
 * mirror only its own events: `syncTaskMirror` writes the record at its version and the results
 * table holds that step's sequence alone. Nothing there says the earlier sequences will never be there: a consumer that
 * replays the results table finds a life starting at `state_changed` with no `task_received`, and
 * cannot tell this gap from a lost write. The README promises a drop "is never silent": an outage's
 * drop is named by an `events_lost` event in the results table.
 *
 * Tried and held: with the mirror on from the start, every event reaches the results table; a sync
 * offered the whole life writes it all (sync-task-mirror.test.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TaskEvent } from '../../../src/core/task/task-event.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK = 'acme/shop#7';

/** Sequences the results table holds or names lost (`events_lost`). */
function namedSequences(held: readonly TaskEvent[]): Set<number> {
  const named = new Set<number>();
  for (const event of held) {
    named.add(event.sequence);
    if (event.type === 'events_lost')
      for (const [first, last] of event.sequences) for (let s = first; s <= last; s += 1) named.add(s);
  }
  return named;
}

/** An issue whose one status comment (id 900) the board creates and edits. */
function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => ({ data: [] }),
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

describe('review10f: a mirror configured while the task is under way', () => {
  it("FAULT: silent gap (through the status board): steps taken with no mirror, then one step with the mirror configured: the results table starts at that step's sequence, with no events_lost naming the earlier ones", async () => {
    const issue = fakeIssue();
    const board = {
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK,
      signingKey: undefined,
    };
    const before = createStatusBoard({ ...board, existing: undefined });
    for (const to of ['received', 'generating', 'validating'] as const) await before.move(to);
    await before.move('pr_open', { patch: { pull_number: 12 } });
    const marker = parseStateMarker(issue.bodies.at(-1)!)!;
    expect(marker.version).toBeGreaterThan(1);

    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'midlife-board-')));
    const after = createStatusBoard({
      ...board,
      existing: {
        commentId: 900,
        marker,
        trust: 'trusted',
        reason: 'is signed',
        body: issue.bodies.at(-1)!,
      },
      mirrors: mirror,
    });
    await after.move('approved');
    const record = await mirror.tasks.get(TASK);
    const named = namedSequences(await mirror.events.list(TASK));
    const missing = Array.from({ length: record!.version }, (_, i) => i + 1).filter((s) => !named.has(s));
    // The right answer: every sequence up to the record's version is in the results table or named lost.
    expect(missing).toEqual([]);
  });

  /** A board on the fake issue, continuing from its last status comment when there is one. */
  function boardOn(
    issue: ReturnType<typeof fakeIssue>,
    mirrors?: Parameters<typeof createStatusBoard>[0]['mirrors'],
  ) {
    const last = issue.bodies.at(-1);
    return createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK,
      signingKey: undefined,
      existing:
        last === undefined
          ? undefined
          : {
              commentId: 900,
              marker: parseStateMarker(last)!,
              trust: 'trusted',
              reason: 'is signed',
              body: last,
            },
      ...(mirrors === undefined ? {} : { mirrors }),
    });
  }

  it('a mirror turned off for a while and on again: only the steps taken while it was off are named lost', async () => {
    const issue = fakeIssue();
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'midlife-offon-')));
    const first = boardOn(issue, mirror);
    for (const to of ['received', 'generating'] as const) await first.move(to);
    const mirroredUpTo = (await mirror.tasks.get(TASK))!.version;
    const off = boardOn(issue);
    await off.move('validating');
    await off.move('pr_open', { patch: { pull_number: 12 } });
    const offUpTo = parseStateMarker(issue.bodies.at(-1)!)!.version!;
    await boardOn(issue, mirror).move('approved');

    const held = await mirror.events.list(TASK);
    const gaps = held.filter((event) => event.type === 'events_lost');
    expect(gaps).toMatchObject([{ sequences: [[mirroredUpTo + 1, offUpTo]], count: offUpTo - mirroredUpTo }]);
    const record = await mirror.tasks.get(TASK);
    const named = namedSequences(held);
    expect(Array.from({ length: record!.version }, (_, i) => i + 1).filter((s) => !named.has(s))).toEqual([]);
    expect(issue.bodies.at(-1)).toContain(`lacks the events of sequences ${mirroredUpTo + 1}-${offUpTo}`);
  });

  it('a mirror that cannot be read when the board starts names nothing it cannot know; the next board names the gap once', async () => {
    const issue = fakeIssue();
    const before = boardOn(issue);
    for (const to of ['received', 'generating'] as const) await before.move(to);
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'midlife-unread-')));
    const unreadable = {
      ...mirror,
      tasks: { ...mirror.tasks, get: async () => Promise.reject(new Error('ECONNREFUSED')) },
    };
    await boardOn(issue, unreadable).move('validating');
    expect((await mirror.events.list(TASK)).filter((event) => event.type === 'events_lost')).toEqual([]);

    await boardOn(issue, mirror).move('pr_open', { patch: { pull_number: 12 } });
    await boardOn(issue, mirror).move('approved');
    const held = await mirror.events.list(TASK);
    expect(held.filter((event) => event.type === 'events_lost')).toHaveLength(1);
    const record = await mirror.tasks.get(TASK);
    const named = namedSequences(held);
    expect(Array.from({ length: record!.version }, (_, i) => i + 1).filter((s) => !named.has(s))).toEqual([]);
  });

  it('a mirror on from the start names nothing lost', async () => {
    const issue = fakeIssue();
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'midlife-always-')));
    for (const to of ['received', 'generating', 'validating'] as const) await boardOn(issue, mirror).move(to);
    const held = await mirror.events.list(TASK);
    expect(held.filter((event) => event.type === 'events_lost')).toEqual([]);
    expect(held.map((event) => event.sequence)).toEqual(
      Array.from({ length: (await mirror.tasks.get(TASK))!.version }, (_, i) => i + 1),
    );
  });
});
