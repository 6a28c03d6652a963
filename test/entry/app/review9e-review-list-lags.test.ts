import nock from 'nock';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { API } from './github-api.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

// Review #9e (fresh attacker pass). The review sync reads every review back (`readReviewApproval`)
// rather than trusting the event, so a lost delivery is caught up. But a request for changes the
// event itself proves (a signed `pull_request_review.submitted`, state `changes_requested`, by a
// writer) is dropped when the list GitHub answers right after does not show it yet (the REST
// API's reads may lag the webhook): the automated task's auto-merge stays on and GitHub merges
// past the request on green checks — and no later event comes to correct it, since the reviewer
// has said their piece (DESIGN §4: "a reviewer can steer the PR with reviews alone"; unknown counts
// against merging). Right: a request for changes the event carries counts, as a floor, even
// before the list shows it (the list can only add verdicts to it, or a later dismissal lift it).

const TEMPLATE_PATH = 'infra/orders-table.yaml';
const LOW_RISK_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH
`;

const lowRisk: ModelProvider = {
  name: 'fixed-low-risk',
  generate: async () => ({
    bundle: bundleOf([file(TEMPLATE_PATH, LOW_RISK_TEMPLATE, 'template')], TEMPLATE_PATH),
    usage: NO_USAGE,
    model: 'fixed-low-risk',
  }),
};

function requestBody(): string {
  const request: RequestPayload = {
    execution_request: {
      task_type: 'application',
      task_name: 'Orders API',
      execution_mode: 'automated',
      target_environment: 'staging',
    },
    support_artifacts: { user_stories: ['As a customer I can place an order'] },
  };
  return ['```json', JSON.stringify(request, null, 2), '```'].join('\n');
}

afterEach(() => {
  nock.cleanAll();
});

/**
 * Opens an automated task, then delivers a request for changes from `reviewer` (bob, with write
 * access, unless named); `listed`: the list shows it already.
 */
async function requestChanges(
  listed: boolean,
  reviewer = 'reviewer-bob',
): Promise<{ disabled: boolean; held: boolean }> {
  const bodies: Record<number, string> = { 1: requestBody() };
  const fake = githubFakeBehindNock({
    permissions: { Codertocat: 'admin', 'reviewer-bob': 'write', 'reader-rita': 'read' },
    issueBodies: bodies,
  });
  const queries: string[] = [];
  nock(API)
    .persist()
    .post('/graphql')
    .reply(200, (_uri, body) => {
      const query = String((body as { query: string }).query);
      queries.push(query);
      if (query.includes('enablePullRequestAutoMerge'))
        return {
          data: {
            enablePullRequestAutoMerge: {
              pullRequest: {
                number: 1,
                autoMergeRequest: { enabledAt: '2026-11-29T13:00:00Z', mergeMethod: 'SQUASH' },
              },
            },
          },
        };
      if (query.includes('disablePullRequestAutoMerge'))
        return { data: { disablePullRequestAutoMerge: { pullRequest: { number: 1 } } } };
      if (/viewer\s*\{\s*login\s*\}/.test(query))
        return { data: { viewer: { login: 'implementation-agent[bot]' } } };
      return { data: { repository: { pullRequest: { id: 'PR_kwDOABCD42' } } } };
    });
  const app = await testProbot({ providerFor: () => lowRisk });
  const opened = webhookExample('issues', 'opened');
  opened.issue.body = bodies[1]!;
  opened.issue.labels = [{ name: 'implementation' }];
  await app.receive('issues', opened);
  const status = () =>
    fake.comments.find(
      (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
    )!.body;
  expect(parseStateMarker(status())).toMatchObject({ effective_mode: 'automated', state: 'pr_open' });
  expect(queries.some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(true);

  // Bob (write access) asks for changes; the delivery comes before the list shows his review.
  const pull = fake.pulls[0]!;
  const branch = typeof pull.head === 'string' ? pull.head : pull.head.ref;
  const head = fake.refs.get(`heads/${branch}`)!;
  const review = webhookExample('pull_request_review', 'submitted');
  review.pull_request.number = pull.number;
  review.pull_request.head.ref = branch;
  review.pull_request.head.sha = head;
  review.review.state = 'changes_requested';
  review.review.body = 'Please do not merge this yet: the table needs a point-in-time recovery setting.';
  review.review.commit_id = head;
  review.review.user = { ...review.review.user, login: reviewer, type: 'User' };
  review.sender = { ...review.sender, login: reviewer, type: 'User' };
  if (listed)
    (fake.reviews[pull.number] ??= []).push({
      user: { login: reviewer },
      state: 'CHANGES_REQUESTED',
      commit_id: head,
    });
  const before = queries.length;
  await app.receive('pull_request_review', review);
  expect(app.errors).toEqual([]);
  return {
    disabled: queries.slice(before).some((query) => query.includes('disablePullRequestAutoMerge')),
    held: parseStateMarker(status())?.auto_merge_held === true,
  };
}

describe('review #9e: a request for changes the review list does not show yet', () => {
  it('FAULT: a writer’s changes_requested delivered before the review list shows it leaves auto-merge on (event’s request dropped)', async () => {
    // Right: auto-merge is turned off for the request the event proves, and the task says so.
    expect(await requestChanges(false)).toEqual({ disabled: true, held: true });
  });

  it('control: the same request, listed, turns auto-merge off and holds it', async () => {
    expect(await requestChanges(true)).toEqual({ disabled: true, held: true });
  });

  it('a delivered request from a reader (no write access) counts no more than a listed one: auto-merge stays on', async () => {
    expect(await requestChanges(false, 'reader-rita')).toEqual({ disabled: false, held: false });
  });
});
