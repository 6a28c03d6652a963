/**
 * Attacker pass (review #10m) on going on from a tasks mirror newer than the status comment
 * (src/pipeline/task/create-status-board.ts `goOnFromNewerMirror`, core/task/record-from-marker.ts
 * `markerFieldsOf`). The threat review10l accepted: a person with write access edits the agent's
 * comment so its marker no longer reads back (a line added under it), or back to an older signed
 * body from its edit history. The board then takes the mirror's TaskRecord, which carries the
 * task's state but not the marker's trust facts: who requested the task (`requester`,
 * `requester_id`, `requester_type`, `co_requesters`) and who else pushed to its branch
 * (`human_pushers`), which the self-approval rule reads (`reviewPolicyFor`). The marker the board
 * writes next has none of them, so the requester's own approval of the pull request counts. A
 * fault is `it.failing` asserting the right answer; an attack refused is an ordinary test.
 *
 * Fixed (fix10e): the record carries the marker's trust facts (`trust`, record schema 2) and the
 * board merges them back, only ever adding; a record without them (schema 1) fails closed
 * (`trust_lost`: no approval counts).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { applyReviewPolicy } from '../../../src/core/review/review-policy.js';
import { reviewPolicyFor } from '../../../src/core/review/review-policy-for.js';
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
  start?: number,
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
    now: clock(start),
  });

const REQUESTER = { requester: 'alice', requester_id: 501, requester_type: 'User' as const };
const PUSHER = { login: 'mallory', id: 666, type: 'User' as const };

/** A task at pr_open whose marker names its requester and a person who pushed to its branch. */
async function openTask() {
  const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10m-forgets-')));
  const issue = fakeIssue();
  const first = boardOn(issue.client, mirror);
  await first.move('generating', { patch: { attempt: 1, ...REQUESTER } });
  first.pass('validating');
  await first.move('pr_open', { patch: { pull_number: 12, branch: 'implementation/7-orders' } });
  await boardOn(issue.client, mirror, issue.marker()!).move('changes_requested', {
    patch: { human_pushers: [PUSHER] },
  });
  return { mirror, issue, live: issue.marker()! };
}

/** The same task, with the signed pr_open body from before the push kept (the comment's edit history). */
async function openTaskWithHistory() {
  const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10m-forgets-')));
  const issue = fakeIssue();
  const first = boardOn(issue.client, mirror);
  await first.move('generating', { patch: { attempt: 1, ...REQUESTER } });
  first.pass('validating');
  await first.move('pr_open', { patch: { pull_number: 12, branch: 'implementation/7-orders' } });
  const older = issue.marker()!;
  await boardOn(issue.client, mirror, older).move('changes_requested', {
    patch: { human_pushers: [PUSHER] },
  });
  return { mirror, issue, older };
}

describe('review10m attacker: the marker made unreadable, the board goes on from the mirror', () => {
  it('the setting: the live marker names the requester and the pusher', async () => {
    const { live } = await openTask();
    expect(live).toMatchObject({ ...REQUESTER, state: 'changes_requested' });
    expect(live.human_pushers).toEqual([expect.objectContaining({ login: 'mallory' })]);
  });

  it('the next marker written from the mirror’s record still names the requester (the record carries it)', async () => {
    const { mirror, issue } = await openTask();
    // The comment's marker no longer reads back; the next step (the agent's revision) is written.
    await boardOn(issue.client, mirror, undefined, Date.parse('2026-11-24T12:00:00.000Z')).move('pr_open');
    expect(issue.marker()).toMatchObject({ state: 'pr_open', ...REQUESTER });
  });

  it('and the person who pushed to the branch (the self-approval rule keeps them)', async () => {
    const { mirror, issue } = await openTask();
    await boardOn(issue.client, mirror, undefined, Date.parse('2026-11-24T12:00:00.000Z')).move('pr_open');
    expect(issue.marker()?.human_pushers).toEqual([expect.objectContaining({ login: 'mallory' })]);
  });

  it('an older signed body replayed from the edit history: the board takes the mirror’s state and keeps the pusher', async () => {
    const { mirror, issue, older } = await openTaskWithHistory();
    await boardOn(issue.client, mirror, older, Date.parse('2026-11-24T12:00:00.000Z')).move('pr_open');
    expect(issue.marker()?.state).toBe('pr_open');
    expect(issue.marker()?.human_pushers).toEqual([expect.objectContaining({ login: 'mallory' })]);
  });

  it('with that marker, the requester’s own approval of the head is set aside (self-approval off)', async () => {
    const { mirror, issue } = await openTask();
    await boardOn(issue.client, mirror, undefined, Date.parse('2026-11-24T12:00:00.000Z')).move('pr_open');
    const head = 'a'.repeat(40);
    const policy = reviewPolicyFor({
      review: { ...DEFAULT_CONFIG.review, allow_self_approval: false },
      marker: { ...issue.marker(), last_push: { sha: head, by: { kind: 'agent' } } },
      agentLogin: 'implementation-agent[bot]',
    });
    const outcome = applyReviewPolicy({
      verdicts: [{ login: 'alice', id: 501, state: 'APPROVED', commitId: head }],
      policy,
      headSha: head,
    });
    expect(outcome.verdicts).toEqual([]);
  });

  it('control: with the live marker, the requester’s own approval is set aside', async () => {
    const { live } = await openTask();
    const head = 'a'.repeat(40);
    const policy = reviewPolicyFor({
      review: { ...DEFAULT_CONFIG.review, allow_self_approval: false },
      marker: { ...live, last_push: { sha: head, by: { kind: 'agent' } } },
      agentLogin: 'implementation-agent[bot]',
    });
    const outcome = applyReviewPolicy({
      verdicts: [{ login: 'alice', id: 501, state: 'APPROVED', commitId: head }],
      policy,
      headSha: head,
    });
    expect(outcome.verdicts).toEqual([]);
  });

  it('a version 1 record (no trust facts) under an unreadable marker fails closed: no approval counts', async () => {
    const { mirror, issue } = await openTask();
    const stored = (await mirror.tasks!.get(TASK_ID))!;
    const { trust: _trust, ...v1 } = { ...stored, schema_version: 1 as const };
    await mirror.tasks!.put({ ...v1, version: stored.version + 1 }, stored.version);
    const lines: string[] = [];
    await createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: undefined,
      signingKey: undefined,
      mirrors: mirror,
      log: (line) => lines.push(line),
      now: clock(Date.parse('2026-11-24T12:00:00.000Z')),
    }).move('pr_open');
    expect(issue.marker()?.trust_lost).toBe(true);
    expect(lines.join('\n')).toMatch(/no approval counts/);
    const head = 'a'.repeat(40);
    const policy = reviewPolicyFor({
      review: { ...DEFAULT_CONFIG.review, allow_self_approval: false },
      marker: { ...issue.marker(), last_push: { sha: head, by: { kind: 'agent' } } },
      agentLogin: 'implementation-agent[bot]',
    });
    const outcome = applyReviewPolicy({
      verdicts: [
        { login: 'alice', id: 501, state: 'APPROVED', commitId: head },
        { login: 'bob', id: 502, state: 'APPROVED', commitId: head },
      ],
      policy,
      headSha: head,
    });
    expect(outcome.verdicts).toEqual([]);
    expect(outcome.setAside.map((entry) => entry.why)).toEqual(['trust-lost', 'trust-lost']);
    // The next record carries the loss too, so the run after keeps failing closed.
    expect((await mirror.tasks!.get(TASK_ID))?.trust?.trust_lost).toBe(true);
  });

  it('the record the mirror holds carries the trust facts, at record schema 2', async () => {
    const { mirror } = await openTask();
    const stored = await mirror.tasks!.get(TASK_ID);
    expect(stored).toMatchObject({ schema_version: 2, trust: { ...REQUESTER } });
    expect(stored?.trust?.human_pushers).toEqual([expect.objectContaining({ login: 'mallory' })]);
  });
});
