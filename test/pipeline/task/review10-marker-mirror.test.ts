import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient, StatusCommentRef } from '../../../src/github/status-comment.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { progressStatus } from '../../../src/pipeline/task/progress-status.js';

const TASK_ID = 'acme/shop#7';

function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => {
        throw new Error('the board must not list comments');
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
  return { client, bodies, marker: () => parseStateMarker(bodies.at(-1) ?? '') };
}

const mirrorIn = async () => filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10-mirror-')));

describe('review10: what a status marker makes the mirror write', () => {
  it("a display-only marker's unmirrored events naming another task (another repository's, even) are not written into that task's results", async () => {
    const mirror = await mirrorIn();
    const issue = fakeIssue();
    // A comment written as github-actions[bot] by some other workflow of acme/shop, no marker key:
    // display-only, and progressStatus continues it (README "What it trusts in its status comments").
    const forged: TaskMarker = {
      task_id: TASK_ID,
      state: 'received',
      attempt: 0,
      cost_usd: 0,
      updated_at: '2026-11-24T10:00:00.000Z',
      version: 1,
      unmirrored: [
        {
          type: 'task_received',
          task_id: 'victim/bank#1',
          repo: 'victim/bank',
          at: '2026-11-24T09:00:00.000Z',
          sequence: 1,
        },
        {
          type: 'state_changed',
          task_id: 'victim/bank#1',
          at: '2026-11-24T09:01:00.000Z',
          to: 'failed',
          sequence: 2,
        },
      ],
    };
    const status: StatusCommentRef = {
      commentId: 900,
      marker: forged,
      trust: 'display-only',
      reason: 'was written as github-actions[bot]',
      body: '',
    };
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: progressStatus(status, undefined),
      signingKey: undefined,
      mirrors: mirror,
    });
    await board.move('generating', { patch: { attempt: 1 } });

    expect(await mirror.events.list('victim/bank#1')).toEqual([]);
  });

  it("a display-only marker's unsent lifecycle events naming another task are not published (no forged Deploy Succeeded)", async () => {
    const issue = fakeIssue();
    const published: LifecycleEvent[] = [];
    const forged: TaskMarker = {
      task_id: TASK_ID,
      state: 'received',
      attempt: 0,
      cost_usd: 0,
      updated_at: '2026-11-24T10:00:00.000Z',
      version: 1,
      unsent: [
        {
          detailType: 'Deploy Succeeded',
          detail: {
            version: 1,
            task_id: 'victim/bank#1',
            repo: 'victim/bank',
            sequence: 9,
            at: '2026-11-24T09:00:00.000Z',
            status: 'merged',
            environment: 'production',
            deployment_id: 77,
          },
        },
      ],
    };
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: progressStatus(
        { commentId: 900, marker: forged, trust: 'display-only', reason: 'github-actions[bot]', body: '' },
        undefined,
      ),
      signingKey: undefined,
      mirrors: { publisher: { publish: async (events) => void published.push(...events) } },
    });
    await board.move('generating', { patch: { attempt: 1 } });

    expect(published.filter((event) => event.detail.task_id !== TASK_ID)).toEqual([]);
  });

  it('a secret in the task name is redacted in the mirrored record and events, as prompt.json redacts it', async () => {
    const mirror = await mirrorIn();
    const issue = fakeIssue();
    const token = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: undefined,
      signingKey: undefined,
      mirrors: mirror,
    });
    await board.move('generating', {
      patch: { attempt: 1 },
      request: {
        execution_request: {
          task_type: 'application',
          task_name: `Orders ${token}`,
          execution_mode: 'guided',
          target_environment: 'development',
        },
      },
    });
    const stored = JSON.stringify([await mirror.tasks.get(TASK_ID), await mirror.events.list(TASK_ID)]);
    expect(stored).toContain('Orders');
    expect(stored).not.toContain(token);
  });

  const TOKEN = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
  const ownReceived = {
    type: 'task_received' as const,
    task_id: TASK_ID,
    repo: 'acme/shop',
    issue_number: 7,
    at: '2026-11-24T09:00:00.000Z',
    sequence: 1,
  };
  const victimFailed = {
    type: 'state_changed' as const,
    task_id: 'victim/bank#1',
    at: '2026-11-24T09:01:00.000Z',
    to: 'failed' as const,
    sequence: 2,
  };
  const base: TaskMarker = {
    task_id: TASK_ID,
    state: 'received',
    attempt: 0,
    cost_usd: 0,
    updated_at: '2026-11-24T10:00:00.000Z',
    version: 1,
  };
  const lifecycle = (taskId: string, sequence: number): LifecycleEvent => ({
    detailType: 'Deploy Succeeded',
    detail: {
      version: 1,
      task_id: taskId,
      repo: taskId.split('#')[0]!,
      sequence,
      at: '2026-11-24T09:00:00.000Z',
      status: 'merged',
      environment: 'production',
      deployment_id: 77,
    },
  });

  it("a trusted marker's events replay only when they are this task's: another task's are set aside and named", async () => {
    const mirror = await mirrorIn();
    const issue = fakeIssue();
    const published: LifecycleEvent[] = [];
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: {
        commentId: 900,
        marker: {
          ...base,
          unmirrored: [ownReceived, victimFailed],
          unsent: [lifecycle('victim/bank#1', 9), lifecycle(TASK_ID, 1)],
        },
        trust: 'trusted',
        reason: 'is signed',
        body: '',
      },
      signingKey: undefined,
      mirrors: { ...mirror, publisher: { publish: async (events) => void published.push(...events) } },
    });
    await board.move('generating', { patch: { attempt: 1 } });

    expect(await mirror.events.list('victim/bank#1')).toEqual([]);
    expect((await mirror.events.list(TASK_ID)).map((event) => event.sequence)).toEqual([1, 2, 3]);
    // `generating` is no milestone: only the marker's own unsent event goes to the bus.
    expect(published).toEqual([lifecycle(TASK_ID, 1)]);
    expect(issue.bodies[0]).toContain(
      '1 task event(s) for the results table, 1 lifecycle event(s) for the event bus that were not sent: they name another task than acme/shop#7',
    );
  });

  it("a display-only marker's own events and unsent artifacts are not replayed either, and the status says so", async () => {
    const mirror = await mirrorIn();
    const issue = fakeIssue();
    const resent: unknown[] = [];
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: {
        commentId: 900,
        marker: {
          ...base,
          unmirrored: [ownReceived],
          unsent_artifacts: { attempt: 1, commit_sha: 'a'.repeat(40), paths: ['files/a.ts'] },
        },
        trust: 'display-only',
        reason: 'was written as github-actions[bot]',
        body: '',
      },
      signingKey: undefined,
      mirrors: mirror,
      resendArtifacts: async (unsent) => {
        resent.push(unsent);
        return { sent: [], lost: [] };
      },
    });
    await board.move('generating', { patch: { attempt: 1 } });

    expect(resent).toEqual([]);
    expect(issue.marker()?.unsent_artifacts).toBeUndefined();
    // The record itself is the comment's (display-only progress is kept); its replayed events are
    // not, and the sequence they held is named lost (an events_lost event after the move's), never a silent gap.
    const held = await mirror.events.list(TASK_ID);
    expect(held.map((event) => event.sequence)).toEqual([2, 3, 4]);
    expect(held[2]).toMatchObject({ type: 'events_lost', sequences: [[1, 1]], count: 1 });
    expect(issue.bodies[0]).toContain(
      "carried 1 task event(s) for the results table, the list of attempt 1's unsent artifacts that were not sent: nothing proves the agent wrote that marker (display-only)",
    );
    // Said once: the next move's status does not repeat it.
    await board.move('validating');
    expect(issue.bodies.at(-1)).not.toContain('were not sent');
  });

  it("a secret in an outcome's message is redacted in the record, its event and the marker", async () => {
    const mirror = await mirrorIn();
    const issue = fakeIssue();
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: undefined,
      signingKey: undefined,
      mirrors: mirror,
    });
    await board.move('failed', { outcome: { status: 'failed', message: `The push used ${TOKEN}` } });
    const stored = JSON.stringify([
      await mirror.tasks.get(TASK_ID),
      await mirror.events.list(TASK_ID),
      issue.marker(),
    ]);
    expect(stored).toContain('The push used [REDACTED:');
    expect(stored).not.toContain(TOKEN);
  });

  it("a secret in a task name the CLI's journal records is redacted in its record.json and events", async () => {
    const log = await mirrorIn();
    await recordTaskEvent({
      log,
      event: {
        type: 'task_received',
        task_id: 'local/shop#orders',
        repo: 'local/shop',
        at: '2026-11-24T09:00:00.000Z',
        task_name: `Orders ${TOKEN}`,
      },
    });
    const stored = JSON.stringify([
      await log.tasks.get('local/shop#orders'),
      await log.events.list('local/shop#orders'),
    ]);
    expect(stored).toContain('Orders [REDACTED:');
    expect(stored).not.toContain(TOKEN);
  });
});
