import { INSTALLATION_ID, webhookExample } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';
import {
  BASE,
  BRANCH,
  HEAD,
  OWNER,
  PULL,
  REPO,
  lastMarker,
  marker,
  statusWrites,
  type Api,
} from './review-feedback-fixtures.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';

// #9: a task a writer stopped with `/cancel` went back to `pr_open` when its pull request was closed
// and reopened: the reopen's delivery alone counted as "reopened since the cancel". A reopen is not
// a `/retry`: the task stays cancelled and the agent answers on the pull request, naming `/retry`,
// once per close-and-reopen. A task cancelled by the close itself comes back on the reopen.

/** The real `pull_request` payloads, on the task's branch; `reopened` by `Codertocat`, the example's sender. */
function pullRequestEvent(action: 'closed' | 'reopened') {
  const payload = webhookExample('pull_request', action === 'closed' ? 'closed' : 'reopened');
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.merged = false;
  return payload;
}

const answers = (api: Api) =>
  api.calls.filter((call) => call.method === 'POST' && call.path === `${BASE}/issues/${PULL}/comments`);

/** The sync's reads: the task, the pull request (open or closed), the config, and on an open one its reviews. */
function expectSync(api: Api, status: TaskMarker, open: boolean) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH, ...(open ? {} : { closed: true }) });
  api.config(undefined);
  if (open) {
    api.reviews(PULL, []);
    api.approvalChecksOn(HEAD, []);
    api.approvalCheck();
  }
}

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request', payload);
  expect(errors).toEqual([]);
}

const RETRY_ANSWER =
  'pull request #2 was reopened, but the task stays cancelled: it was stopped with `/cancel`, and reopening its pull request does not run it again. `/retry` on issue #1 runs the task again.';

describe('Probot app: reopening the pull request of a task stopped with /cancel', () => {
  it('FAULT: /cancel, close, reopen: the task stays cancelled and the reopen is answered once naming /retry', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'cancelled' }), true);
    api.updateComment(900);
    api.createComment(PULL, 6101);

    await deliver(pullRequestEvent('reopened'));

    expect(api.scope.isDone()).toBe(true);
    expect(lastMarker(api)).toMatchObject({ state: 'cancelled', handled_triggers: ['reopen:2'] });
    expect(lastMarker(api)?.cancelled_by_close).toBeUndefined();
    expect(answers(api).map((call) => call.body.body)).toEqual([`@Codertocat: ${RETRY_ANSWER}`]);
    expect(String(statusWrites(api)[0]?.body.body)).toContain(RETRY_ANSWER);
  });

  it('the same reopen delivered again changes and says nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'cancelled', handled_triggers: ['reopen:2'] }), true);

    await deliver(pullRequestEvent('reopened'));

    expect(api.scope.isDone()).toBe(true);
    expect(statusWrites(api)).toEqual([]);
    expect(answers(api)).toEqual([]);
  });

  it('closing it again forgets the answer, so the next reopen is answered again; the task stays cancelled', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'cancelled', handled_triggers: ['comment:7', 'reopen:2'] }), false);
    api.updateComment(900);

    await deliver(pullRequestEvent('closed'));

    expect(api.scope.isDone()).toBe(true);
    expect(lastMarker(api)).toMatchObject({ state: 'cancelled', handled_triggers: ['comment:7'] });
    // Not cancelled by this close: a reopen still does not resume it.
    expect(lastMarker(api)?.cancelled_by_close).toBeUndefined();
    expect(answers(api)).toEqual([]);
  });

  it('a close of a /cancel’ed task’s pull request whose reopen was never answered writes nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'cancelled' }), false);

    await deliver(pullRequestEvent('closed'));

    expect(api.scope.isDone()).toBe(true);
    expect(statusWrites(api)).toEqual([]);
  });

  it('a close of a /cancel’ed task’s pull request, open since its opening, is recorded (its reopen is a new opening); the task stays cancelled', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'cancelled', version: 6, pull_opened_version: 4 }), false);
    api.updateComment(900);

    await deliver(pullRequestEvent('closed'));

    expect(api.scope.isDone()).toBe(true);
    expect(lastMarker(api)).toMatchObject({ state: 'cancelled', version: 7, pull_closed_version: 7 });
    expect(lastMarker(api)?.cancelled_by_close).toBeUndefined();
    expect(answers(api)).toEqual([]);
  });

  it('a plain close of the open pull request records the close with the cancel', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'pr_open', version: 6, pull_opened_version: 4 }), false);
    api.updateComment(900);

    await deliver(pullRequestEvent('closed'));

    expect(api.scope.isDone()).toBe(true);
    expect(lastMarker(api)).toMatchObject({
      state: 'cancelled',
      cancelled_by_close: true,
      pull_closed_version: 7,
    });
  });

  it('control: a plain close cancels the task and the reopen brings it back to pr_open, unanswered', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'cancelled', cancelled_by_close: true }), true);
    api.updateComment(900);

    await deliver(pullRequestEvent('reopened'));

    expect(api.scope.isDone()).toBe(true);
    expect(lastMarker(api)?.state).toBe('pr_open');
    expect(lastMarker(api)?.cancelled_by_close).toBeUndefined();
    expect(answers(api)).toEqual([]);
  });
});
