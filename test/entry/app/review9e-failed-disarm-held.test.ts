import nock from 'nock';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { API } from './github-api.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

// Review #9e (fresh attacker pass). A writer's request for changes turns an automated task's
// auto-merge off (`steerAutoMerge` → `disarmAutoMerge`) and records the hold (`auto_merge_held`)
// whatever GitHub answered. When GitHub did not turn it off (a GraphQL error answered with HTTP
// 200, which no retry repeats: "Something went wrong while executing your query"), the marker
// still says held, so every later event — a redelivery of the same review included — finds the
// hold in place and never asks again (`autoMergeStep`: held and standing → nothing). GitHub's
// auto-merge stays on and merges past the standing request once the checks pass (DESIGN §4: a
// reviewer steers the PR with reviews alone). Right: a hold is recorded only once auto-merge is
// off, so the next event tries again.

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

describe('review #9e: a hold recorded although auto-merge was not turned off', () => {
  it('FAULT: GitHub did not turn auto-merge off for a request for changes, and the redelivered review never asks again (failed disarm recorded as held)', async () => {
    const bodies: Record<number, string> = { 1: requestBody() };
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'reviewer-bob': 'write' },
      issueBodies: bodies,
    });
    let disables = 0;
    nock(API)
      .persist()
      .post('/graphql')
      .reply(200, (_uri, body) => {
        const query = String((body as { query: string }).query);
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
        if (query.includes('disablePullRequestAutoMerge')) {
          disables += 1;
          // The first answer is GitHub's transient failure; any later one turns it off.
          return disables === 1
            ? {
                data: null,
                errors: [
                  {
                    message:
                      'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug.',
                  },
                ],
              }
            : {
                data: {
                  disablePullRequestAutoMerge: { pullRequest: { number: 1, autoMergeRequest: null } },
                },
              };
        }
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

    const pull = fake.pulls[0]!;
    const branch = typeof pull.head === 'string' ? pull.head : pull.head.ref;
    const head = fake.refs.get(`heads/${branch}`)!;
    (fake.reviews[pull.number] ??= []).push({
      user: { login: 'reviewer-bob' },
      state: 'CHANGES_REQUESTED',
      commit_id: head,
    });
    const review = webhookExample('pull_request_review', 'submitted');
    review.pull_request.number = pull.number;
    review.pull_request.head.ref = branch;
    review.pull_request.head.sha = head;
    review.review.id = 1;
    review.review.state = 'changes_requested';
    review.review.body = 'Not yet: the table needs point-in-time recovery.';
    review.review.commit_id = head;
    review.review.user = { ...review.review.user, login: 'reviewer-bob', type: 'User' };
    review.sender = { ...review.sender, login: 'reviewer-bob', type: 'User' };

    await app.receive('pull_request_review', review);
    expect(disables).toBe(1);
    // Only what GitHub confirmed is recorded, and the status says auto-merge may still merge.
    expect(parseStateMarker(status())).not.toHaveProperty('auto_merge_held');
    expect(status()).toContain('Auto-merge could not be turned off');
    expect(status()).toContain('GitHub may still merge this pull request by itself');
    // The same delivery again (GitHub redelivers, or a later event's sync): auto-merge is still on.
    await app.receive('pull_request_review', review);
    expect(app.errors).toEqual([]);

    expect(disables).toBe(2);
    expect(parseStateMarker(status())).toMatchObject({ auto_merge_held: true });
    expect(status()).toContain('Auto-merge is off');
  });
});
