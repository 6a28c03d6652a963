import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { OUTCOME_RESULT_VERSION } from '../../../src/core/outcome/outcome-result.js';
import { readExample, webhookExample } from '../../fixtures/webhook-payloads.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';
import { accountId } from '../app/account-id.js';

const TOKEN = 'ghs_guidedProcessToken123';
const SECRET = 'the-repository-marker-secret';
const BRANCH = 'implementation/1-orders-api';

type Fake = Awaited<ReturnType<typeof startGitHubFake>>;

const run = (fake: Fake, eventName: string, payload: unknown) =>
  runAction({ apiUrl: fake.url, eventName, payload, inputs: { token: TOKEN, 'marker-secret': SECRET } });

/** The real `pull_request_review` payload, moved to the task's PR; only the differing fields edited. */
function review(fake: Fake, reviewer: string) {
  const payload = webhookExample('pull_request_review', 'submitted');
  const head = fake.refs.get(`heads/${BRANCH}`);
  payload.review.state = 'approved';
  payload.review.user.login = reviewer;
  payload.review.commit_id = head;
  payload.sender.login = reviewer;
  // Another reviewer is another account: the example's ids are Codertocat's, the requester's.
  payload.review.user.id = accountId(reviewer);
  payload.sender.id = accountId(reviewer);
  payload.pull_request.number = 101;
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = head;
  return payload;
}

const approvalChecks = (fake: Fake) =>
  fake.checkRuns.filter((check) => check.name === 'implementation-agent/approval');
const taskState = (fake: Fake) => readStateMarker(fake.comments[0]?.body ?? '')?.marker.state;

describe('the built Action, guided mode: a PR review is the approval', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      permissions: { Codertocat: 'admin', maintainer: 'maintain', reader: 'read' },
    });
    const opened = webhookExample('issues', 'opened');
    opened.issue.body = readExample('orders-api.issue.md');
    opened.issue.labels = [{ name: 'implementation' }];
    const first = await run(fake, 'issues', opened);
    expect(first.outputs.status).toBe('pr_open');
  });
  afterEach(() => fake.close());

  it('holds the approval check pending, ignores a read-only approval, passes on a maintainer’s, and marks the merge', async () => {
    const head = fake.refs.get(`heads/${BRANCH}`) ?? '';
    expect(approvalChecks(fake)).toEqual([
      expect.objectContaining({ head_sha: head, status: 'in_progress' }),
    ]);

    // A read-only user's approval: nothing moves.
    fake.reviews[101] = [{ user: { login: 'reader' }, state: 'APPROVED', commit_id: head }];
    const ignored = await run(fake, 'pull_request_review', review(fake, 'reader'));
    expect(ignored.stderr).toBe('');
    expect(ignored.code).toBe(0);
    expect(ignored.outputs.status).toBe('awaiting_review');
    expect(approvalChecks(fake)).toEqual([expect.objectContaining({ status: 'in_progress' })]);
    expect(taskState(fake)).toBe('pr_open');

    // A maintainer approves the head.
    fake.reviews[101]?.push({ user: { login: 'maintainer' }, state: 'APPROVED', commit_id: head });
    const approved = await run(fake, 'pull_request_review', review(fake, 'maintainer'));
    expect(approved.code).toBe(0);
    expect(approved.outputs.status).toBe('approved');
    expect(JSON.parse(approved.outputs.result ?? '{}')).toMatchObject({
      version: OUTCOME_RESULT_VERSION,
      status: 'approved',
      reasonCode: 'approved',
      pullNumber: 101,
      approvedBy: ['maintainer'],
    });
    expect(approvalChecks(fake)).toEqual([
      expect.objectContaining({
        head_sha: head,
        status: 'completed',
        conclusion: 'success',
        output: expect.objectContaining({ title: 'Approved by @maintainer' }),
      }),
    ]);
    expect(taskState(fake)).toBe('approved');
    expect(fake.comments[0]?.body).toContain('Approved by @maintainer');

    // Merged.
    Object.assign(fake.pulls[0] ?? {}, { state: 'closed', merged: true });
    const closed = webhookExample('pull_request', 'closed');
    closed.pull_request.number = 101;
    closed.pull_request.head.ref = BRANCH;
    closed.pull_request.merged = true;
    const merged = await run(fake, 'pull_request', closed);
    expect(merged.outputs.status).toBe('merged');
    expect(taskState(fake)).toBe('merged');
  });
});
