/**
 * Attacker pass (review #10n) on mixed-version writers of the tasks mirror
 * (src/core/task/task-record.ts `schema_version`, src/pipeline/task/create-status-board.ts). A
 * newer release (record schema 3, during a rolling upgrade, or the Action pinned ahead of the app)
 * writes the task's record; this release refuses a shape it does not know. Issue #10: a mirror
 * failure never fails the task (a warning on the status comment); the newer record must not be downgraded either. (A
 * version-1 writer over a version-2 record is review10m's.) A fault is `it.failing` asserting the right
 * answer; an attack refused is an ordinary test.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK_ID = 'acme/shop#7';

function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async (params) => (bodies.push(params.body), { data: { id: 900 } }),
      updateComment: async (params) => (bodies.push(params.body), {}),
    },
  };
  return { client, bodies, marker: () => parseStateMarker(bodies.at(-1) ?? '') };
}

function clock(start = Date.parse('2026-11-24T10:00:00.000Z')) {
  let minutes = 0;
  return () => new Date(start + minutes++ * 60_000);
}

const boardOn = (
  client: StatusCommentClient,
  mirrors: Parameters<typeof createStatusBoard>[0]['mirrors'],
  marker?: TaskMarker,
  log?: (line: string) => void,
) =>
  createStatusBoard({
    client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: marker && { commentId: 900, marker, trust: 'trusted', reason: 'is signed', body: '' },
    signingKey: undefined,
    ...(mirrors === undefined ? {} : { mirrors }),
    ...(log === undefined ? {} : { log }),
    now: clock(Date.parse('2026-11-24T12:00:00.000Z')),
  });

/** Every JSON file under `root` whose text names the task: the stored record(s). */
async function recordFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of (await readdir(root, { recursive: true })) as string[]) {
    const file = path.join(root, name);
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text.includes('"schema_version"')) found.push(file);
  }
  return found;
}

async function openTask() {
  const root = await mkdtemp(path.join(tmpdir(), 'review10n-versions-'));
  const mirror = filesystemStores(root);
  const issue = fakeIssue();
  const first = boardOn(issue.client, mirror);
  await first.move('generating', {
    patch: { attempt: 1, requester: 'alice', requester_id: 501, requester_type: 'User' },
  });
  first.pass('validating');
  await first.move('pr_open', { patch: { pull_number: 12, branch: 'implementation/7-orders' } });
  return { root, mirror, issue };
}

describe('review10n attacker: a record of a schema this release does not know (refused)', () => {
  it('a record rewritten at schema 3 by a newer release does not fail the task’s next step', async () => {
    const { root, mirror, issue } = await openTask();
    for (const file of await recordFiles(root)) {
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/"schema_version":\s*2/, '"schema_version": 3'));
    }
    expect(await recordFiles(root)).toHaveLength(1);
    const lines: string[] = [];
    await expect(
      boardOn(issue.client, mirror, issue.marker()!, (line) => lines.push(line)).move('changes_requested'),
    ).resolves.toBeUndefined();
    expect(issue.marker()?.state).toBe('changes_requested');
    // Warned, and the newer release's record is left as it wrote it (not downgraded).
    expect(lines.join('\n')).toMatch(/task mirror could not be written.*the task goes on/s);
    const [file] = await recordFiles(root);
    expect(JSON.parse(await readFile(file!, 'utf8'))).toMatchObject({ schema_version: 3, status: 'pr_open' });
  });
});
