/**
 * Review 10g: the tasks table configured after the results table, while a task is under way.
 *
 * Tried and held (asserted here as a guard): `tasks_table` and `results_table` are configured apart
 * (agent-config.ts); a tasks table added mid-life beside a results table that holds every event
 * names none of them lost. Also held: results table alone, and both tables from the start
 * (review10f-mirror-enabled-midlife).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK = 'acme/shop#7';

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

function boardOn(
  issue: ReturnType<typeof fakeIssue>,
  mirrors: Parameters<typeof createStatusBoard>[0]['mirrors'],
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

describe('review10g: a tasks table added beside a results table that holds the whole life', () => {
  it('names no sequence the results table holds lost when the tasks table is configured mid-life', async () => {
    const issue = fakeIssue();
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10g-tasks-added-')));
    // The results table alone: every step's event reaches it.
    for (const to of ['received', 'generating', 'validating'] as const)
      await boardOn(issue, { events: mirror.events }).move(to);
    const before = await mirror.events.list(TASK);
    const version = parseStateMarker(issue.bodies.at(-1)!)!.version!;
    expect(before.map((event) => event.sequence)).toEqual(Array.from({ length: version }, (_, i) => i + 1));

    // Then the tasks table is configured too.
    await boardOn(issue, { tasks: mirror.tasks, events: mirror.events }).move('pr_open', {
      patch: { pull_number: 12 },
    });

    // Right: nothing the results table holds is named lost.
    const gaps = (await mirror.events.list(TASK)).filter((event) => event.type === 'events_lost');
    expect(gaps).toEqual([]);
  });
});
