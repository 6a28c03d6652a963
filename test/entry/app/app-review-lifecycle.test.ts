import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { eventStep } from '../../../src/core/task/event-sort-key.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { recordFromMarker } from '../../../src/core/task/record-from-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { createMirrorCache } from '../../../src/pipeline/mirror/mirror-cache.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';
import { canonicalRepository } from '../../../src/core/task/canonical-repository.js';
import { taskIdOf } from '../../../src/core/task/task-id-of.js';

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const TASK_ID = taskIdOf({ owner: OWNER, repo: REPO, issueNumber: 1 });
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const PENDING = { id: 78, status: 'in_progress', conclusion: null, title: 'Waiting for an approving review' };

type Api = ReturnType<typeof githubApi>;

function reviewEvent(state: string, reviewer: string) {
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.review.state = state;
  payload.review.user.login = reviewer;
  payload.sender.login = reviewer;
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

function pullRequestEvent(action: 'closed' | 'reopened', merged = false) {
  const payload = webhookExample('pull_request', action);
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.merged = merged;
  return payload;
}

/**
 * One task carried through its pull request's life, each run starting from the status comment the
 * run before it wrote (the app is stateless between events), with the mirror tables and a bus.
 */
async function taskWithMirrors() {
  const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'app-review-life-')));
  const published: LifecycleEvent[] = [];
  const publisher = { publish: async (events: readonly LifecycleEvent[]) => void published.push(...events) };
  let marker: TaskMarker = {
    task_id: TASK_ID,
    state: 'pr_open',
    attempt: 1,
    cost_usd: 0,
    branch: BRANCH,
    pull_number: PULL,
    requester: 'requester-dev',
    updated_at: '2026-11-29T10:00:00.000Z',
    // The head is the agent's own commit, as a task's status records it.
    last_push: { sha: HEAD, by: { kind: 'agent' } },
  };
  const deliver = async (
    name: string,
    payload: Record<string, unknown>,
    expect: (api: Api) => void,
    pull: { merged?: boolean; closed?: boolean } = {},
  ) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker })]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH, ...pull });
    api.config(undefined);
    expect(api);
    api.updateComment(900);
    // The outbox: the move's marker holds its lifecycle event until the bus took it; a second write confirms it.
    api.updateComment(900);
    const { receive, errors } = await testProbot({
      mirrors: createMirrorCache({ open: () => ({ ...stores, publisher, close: () => {} }) }),
    });
    await receive(name, payload);
    if (errors.length > 0) throw new Error(`the run failed: ${errors.join('; ')}`);
    if (!api.scope.isDone()) throw new Error(`GitHub calls not made: ${api.scope.pendingMocks().join(', ')}`);
    const written = api.calls.filter(
      (call) => call.method === 'PATCH' && call.path.endsWith('/comments/900'),
    );
    marker = readStateMarker(written.at(-1)?.body.body as string)!.marker;
    return marker;
  };
  return { stores, published, deliver, marker: () => marker };
}

describe('Probot app: review, approval, close, reopen and merge each move the record, the mirror and the bus', () => {
  it('records every step of the pull request’s life as events, and sends each milestone', async () => {
    const task = await taskWithMirrors();
    await task.deliver('pull_request_review', reviewEvent('changes_requested', 'maintainer'), (api) => {
      api.reviews(PULL, [{ login: 'maintainer', state: 'CHANGES_REQUESTED', commit_id: HEAD }]);
      api.permission('maintainer', 'maintain');
      api.approvalChecksOn(HEAD, [PENDING]);
      api.updateCheckRun(78);
      // The review-feedback catch-up reads the task, the PR and its feedback (none left to take in).
      api.comments(1, [agentStatusComment({ marker: task.marker() })]);
      api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
      api.reviews(PULL, [{ login: 'maintainer', state: 'CHANGES_REQUESTED', commit_id: HEAD }]);
      api.reviewComments(PULL);
      api.conversation(PULL);
    });
    await task.deliver('pull_request_review', reviewEvent('approved', 'maintainer'), (api) => {
      api.reviews(PULL, [{ login: 'maintainer', state: 'APPROVED', commit_id: HEAD }]);
      api.permission('maintainer', 'maintain');
      api.approvalChecksOn(HEAD, [PENDING]);
      api.updateCheckRun(78);
    });
    await task.deliver('pull_request', pullRequestEvent('closed'), () => undefined, { closed: true });
    await task.deliver('pull_request', pullRequestEvent('reopened'), (api) => {
      api.reviews(PULL, []);
      api.approvalChecksOn(HEAD, [PENDING]);
    });
    const merged = await task.deliver('pull_request', pullRequestEvent('closed', true), () => undefined, {
      merged: true,
    });

    expect(merged).toMatchObject({ state: 'merged', version: 6 });
    expect(
      (await task.stores.events.list(TASK_ID)).map((event) => [event.sequence, eventStep(event)]),
    ).toEqual([
      [1, 'changes_requested'],
      [2, 'approved'],
      // A close on GitHub is recorded as such (a `/cancel` leaves the pull request open), then the cancel.
      [3, 'pull_closed'],
      [4, 'cancelled'],
      [5, 'pr_open'],
      [6, 'merged'],
    ]);
    // The mirror holds what the status comment shows.
    expect(await task.stores.tasks.get(TASK_ID)).toEqual(
      recordFromMarker({ marker: merged, repo: canonicalRepository(`${OWNER}/${REPO}`), issueNumber: 1 }),
    );
    expect(
      task.published.map((event) => [event.detailType, event.detail.sequence, event.detail.status]),
    ).toEqual([
      ['Changes Requested', 1, 'changes_requested'],
      ['Task Approved', 2, 'approved'],
      ['Task Cancelled', 4, 'cancelled'],
      ['Pull Request Opened', 5, 'pr_open'],
      ['Task Merged', 6, 'merged'],
    ]);
    expect(task.published.every((event) => event.detail.pull_number === PULL)).toBe(true);
    // The bus took every event: the marker keeps none to send again.
    expect(merged.unsent).toBeUndefined();
  });
});
