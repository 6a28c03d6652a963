// A task whose requester is a bot needs approvals from two different writers (`unnamedRequester`,
// `applyReviewPolicy`): any writer can have a bot send the request. The rule told a bot by its
// `[bot]` login alone, and the task kept no account type, so a bot GitHub types `Bot` whose login
// has no suffix (its Copilot coding agent, `Copilot`) was taken for a person: one writer's approval
// (the writer who had it ask, too) passed the approval check. The task now records the sender's
// `type` (marker `requester_type`), and the rule goes by it.
import nock from 'nock';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { botRepositoryDispatch } from '../../fixtures/trigger-events.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { API } from './github-api.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

afterEach(() => {
  nock.cleanAll();
});

type Fake = ReturnType<typeof githubFakeBehindNock>;

function answerGraphQL(): void {
  nock(API)
    .persist()
    .post('/graphql')
    .reply(200, (_uri, body) => {
      const query = String((body as { query: string }).query);
      if (/viewer\s*\{\s*login\s*\}/.test(query))
        return { data: { viewer: { login: 'implementation-agent[bot]' } } };
      return { data: { repository: { pullRequest: { id: 'PR_kwDOABCD42' } } } };
    });
}

/** `pull_request_review.submitted` approving the task's pull request head, by `reviewer` (listed too). */
function approve(fake: Fake, reviewer: string) {
  const pull = fake.pulls[0]!;
  const branch = typeof pull.head === 'string' ? pull.head : pull.head.ref;
  const head = fake.refs.get(`heads/${branch}`)!;
  const review = webhookExample('pull_request_review', 'submitted');
  review.pull_request.number = pull.number;
  review.pull_request.head.ref = branch;
  review.pull_request.head.sha = head;
  review.review.state = 'approved';
  review.review.commit_id = head;
  review.review.user = { ...review.review.user, login: reviewer, type: 'User' };
  review.sender = { ...review.sender, login: reviewer, type: 'User' };
  (fake.reviews[pull.number] ??= []).push({ user: { login: reviewer }, state: 'APPROVED', commit_id: head });
  return review;
}

const approvalCheck = (fake: Fake) =>
  fake.checkRuns.filter((check) => check.name === 'implementation-agent/approval').at(-1);

const statusMarker = (fake: Fake) =>
  parseStateMarker(
    fake.comments.find(
      (comment) =>
        comment.issue_number === fake.issues[0]?.number &&
        comment.body.includes('implementation-agent:state'),
    )?.body ?? '',
  );

describe('Probot app, guided mode: a task a bot without the [bot] suffix asked for', () => {
  it('records the requester typed Bot and needs two writers to approve it', async () => {
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'reviewer-bob': 'write', 'reviewer-carol': 'write' },
    });
    answerGraphQL();
    const app = await testProbot();

    const dispatch = botRepositoryDispatch();
    expect(dispatch.sender).toMatchObject({ login: 'Copilot', type: 'Bot' });
    await app.receive('repository_dispatch', dispatch);
    expect(app.errors).toEqual([]);
    expect(statusMarker(fake)).toMatchObject({
      state: 'pr_open',
      requester: 'Copilot',
      requester_id: 198982749,
      requester_type: 'Bot',
    });

    await app.receive('pull_request_review', approve(fake, 'reviewer-bob'));
    expect(app.errors).toEqual([]);
    expect(approvalCheck(fake)?.conclusion).not.toBe('success');
    expect(statusMarker(fake)?.state).toBe('pr_open');

    await app.receive('pull_request_review', approve(fake, 'reviewer-carol'));
    expect(app.errors).toEqual([]);
    expect(approvalCheck(fake)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(statusMarker(fake)?.state).toBe('approved');
  });
});
