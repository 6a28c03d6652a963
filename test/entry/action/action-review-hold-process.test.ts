import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

// #9 in the Action: a writer's request for changes holds an automated task's auto-merge off, and
// the run for the review that lifts it (here a dismissal) turns it on again once; a task stopped
// with `/cancel` stays cancelled when its pull request is closed and reopened, the reopen answered
// once naming `/retry`.

const TOKEN = 'ghs_reviewHoldProcessToken123';
const SECRET = 'the-repository-marker-secret';
const BRANCH = 'implementation/1-orders-api';
const PULL = 101;

type Fake = Awaited<ReturnType<typeof startGitHubFake>>;

const run = (fake: Fake, eventName: string, payload: unknown) =>
  runAction({ apiUrl: fake.url, eventName, payload, inputs: { token: TOKEN, 'marker-secret': SECRET } });

const statusComment = (fake: Fake) =>
  fake.comments.find(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
const statusMarker = (fake: Fake) => readStateMarker(statusComment(fake)?.body ?? '')?.marker;

/** Rewrites the task's signed status as `patch` of what the first run recorded. */
function rewriteStatus(fake: Fake, patch: Partial<TaskMarker>) {
  const status = statusComment(fake);
  const marker = statusMarker(fake);
  if (status === undefined || marker === undefined) throw new Error('no status comment');
  status.body = renderStatusComment({
    marker: { ...marker, ...patch },
    signingKey: (markerKeysFrom({ secret: SECRET }) as MarkerKeys).current,
  });
}

const head = (fake: Fake) => fake.refs.get(`heads/${BRANCH}`) ?? '';

/** A real `pull_request_review` or `pull_request` payload, on the task's pull request and branch. */
function onTaskPull(name: 'pull_request_review' | 'pull_request', action: string, fake: Fake) {
  const payload = webhookExample(name, action);
  payload.pull_request.number = PULL;
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = head(fake);
  return payload;
}

const graphql = (fake: Fake, mutation: string) =>
  fake.requests.filter(
    (request) =>
      request.path === '/graphql' && String((request.body as { query?: string }).query).includes(mutation),
  );

describe('the built Action: review holds on an automated task, and a reopen after /cancel', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      permissions: { Codertocat: 'admin', 'reviewer-bob': 'write' },
    });
    const opened = webhookExample('issues', 'opened');
    const request = {
      execution_request: {
        task_type: 'application',
        task_name: 'Orders API',
        execution_mode: 'automated',
        target_environment: 'staging',
      },
    };
    opened.issue.body = ['```json', JSON.stringify(request, null, 2), '```'].join('\n');
    opened.issue.labels = [{ name: 'implementation' }];
    const first = await run(fake, 'issues', opened);
    expect(first.stderr).toBe('');
    expect(first.outputs.status).toBe('pr_open');
  });
  afterEach(() => fake.close());

  it('a dismissed request for changes turns the held auto-merge on again, once', async () => {
    // The offline blueprint is high risk: the status is rewritten as a low-risk automated task's
    // whose auto-merge a writer's request for changes holds off.
    rewriteStatus(fake, {
      effective_mode: 'automated',
      risk_level: 'low',
      state: 'changes_requested',
      auto_merge_held: true,
    });
    fake.reviews[PULL] = [{ user: { login: 'reviewer-bob' }, state: 'DISMISSED', commit_id: head(fake) }];
    // GitHub lists the agent's own validation check on the head (the fake lists CI runs only).
    fake.ciRuns.push({
      head_sha: head(fake),
      name: 'implementation-agent',
      status: 'completed',
      conclusion: 'success',
      app: { slug: 'github-actions' },
    });

    const lifted = await run(
      fake,
      'pull_request_review',
      onTaskPull('pull_request_review', 'dismissed', fake),
    );
    expect(lifted.stderr).toBe('');
    expect(lifted.code).toBe(0);
    expect(graphql(fake, 'enablePullRequestAutoMerge')).toHaveLength(1);
    expect(statusMarker(fake)).toMatchObject({ state: 'pr_open', effective_mode: 'automated' });
    expect(statusMarker(fake)?.auto_merge_held).toBeUndefined();
    expect(statusComment(fake)?.body).toContain('No request for changes stands any more');

    // The same dismissal again (a re-run of the workflow): nothing more is asked of GitHub.
    await run(fake, 'pull_request_review', onTaskPull('pull_request_review', 'dismissed', fake));
    expect(graphql(fake, 'enablePullRequestAutoMerge')).toHaveLength(1);
  });

  it('a task stopped with /cancel stays cancelled across a close and reopen; the reopen is answered once naming /retry', async () => {
    rewriteStatus(fake, { state: 'cancelled' });
    const pull = fake.pulls.find((candidate) => candidate.number === PULL);
    if (pull === undefined) throw new Error('no pull request');
    pull.state = 'closed';
    const closed = await run(fake, 'pull_request', {
      ...onTaskPull('pull_request', 'closed', fake),
      action: 'closed',
    });
    expect(closed.stderr).toBe('');
    pull.state = 'open';
    const reopened = await run(fake, 'pull_request', onTaskPull('pull_request', 'reopened', fake));
    expect(reopened.stderr).toBe('');
    expect(reopened.outputs.status).toBe('cancelled');
    expect(statusMarker(fake)?.state).toBe('cancelled');
    const answers = () =>
      fake.comments.filter((comment) => comment.issue_number === PULL && comment.body.includes('`/retry`'));
    expect(answers()).toHaveLength(1);
    expect(answers()[0]?.body).toContain('was reopened, but the task stays cancelled');

    await run(fake, 'pull_request', onTaskPull('pull_request', 'reopened', fake));
    expect(answers()).toHaveLength(1);
    expect(statusMarker(fake)?.state).toBe('cancelled');
  });
});
