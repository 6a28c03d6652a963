import nock from 'nock';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { issueComment } from '../../fixtures/trigger-events.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { API } from './github-api.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

// #9: an `/implement` re-run of an automated task armed GitHub's auto-merge while a writer's
// request for changes stood on its pull request: the deploy on merge then refused, but GitHub
// merged. Arming checks the one rule first (`standingChangesRequest`): while a counted request
// stands, auto-merge stays off (turned off if the first run had armed it), the task records the
// hold, and the review that lifts the request turns it on.

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

/** A low-risk change whose template grows with each story, so every run commits. */
const lowRisk: ModelProvider = {
  name: 'fixed-low-risk',
  generate: async (input) => ({
    bundle: bundleOf(
      [
        file('infra/orders-table.yaml', LOW_RISK_TEMPLATE, 'template'),
        file('docs/stories.md', JSON.stringify(input.request.support_artifacts ?? {}), 'doc'),
      ],
      'infra/orders-table.yaml',
    ),
    usage: NO_USAGE,
    model: 'fixed-low-risk',
  }),
};

function requestBody(story: string): string {
  const request: RequestPayload = {
    execution_request: {
      task_type: 'application',
      task_name: 'Orders API',
      execution_mode: 'automated',
      target_environment: 'staging',
    },
    support_artifacts: { user_stories: [story] },
  };
  return ['```json', JSON.stringify(request, null, 2), '```'].join('\n');
}

/** The first run opens the automated PR; `review` (a review on it) comes in; `/implement` re-runs it. */
async function rerunWith(
  review: { login: string; state: string; permission: string },
  refuse?: Record<string, number>,
  /** GitHub answers turning auto-merge off with its transient GraphQL failure. */
  failDisable = false,
) {
  const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
  const fake = githubFakeBehindNock({
    permissions: { Codertocat: 'admin', [review.login]: review.permission },
    issueBodies: bodies,
    ...(refuse === undefined ? {} : { refuse }),
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
        return failDisable
          ? { data: null, errors: [{ message: 'Something went wrong while executing your query.' }] }
          : { data: { disablePullRequestAutoMerge: { pullRequest: { number: 1 } } } };
      return { data: { repository: { pullRequest: { id: 'PR_kwDOABCD42' } } } };
    });
  const app = await testProbot({ providerFor: () => lowRisk });
  const opened = webhookExample('issues', 'opened');
  opened.issue.body = bodies[1];
  opened.issue.labels = [{ name: 'implementation' }];
  await app.receive('issues', opened);
  const first = [...queries];
  const pull = fake.pulls[0];
  const head = typeof pull?.head === 'string' ? pull.head : pull?.head.sha;
  fake.reviews[pull?.number ?? 0] = [
    { user: { login: review.login }, state: review.state, commit_id: head ?? '' },
  ];
  bodies[1] = requestBody('As a customer I can place and list orders');
  const rerun = issueComment('/implement');
  rerun.issue.body = bodies[1];
  rerun.comment.id = 5103;
  await app.receive('issue_comment', rerun);
  const status = fake.comments.find((comment) => comment.body.includes('implementation-agent:state'));
  return { first, rerun: queries.slice(first.length), status: status?.body ?? '' };
}

const named = (queries: string[], mutation: string) => queries.filter((query) => query.includes(mutation));

describe('an /implement re-run arms auto-merge only while no request for changes stands', () => {
  it('FAULT: a writer’s standing request for changes: auto-merge stays off (the first run’s turned off), the hold recorded', async () => {
    const { first, rerun, status } = await rerunWith({
      login: 'reviewer-bob',
      state: 'CHANGES_REQUESTED',
      permission: 'write',
    });
    expect(named(first, 'enablePullRequestAutoMerge')).toHaveLength(1);
    expect(named(rerun, 'enablePullRequestAutoMerge')).toEqual([]);
    expect(named(rerun, 'disablePullRequestAutoMerge')).toHaveLength(1);
    expect(parseStateMarker(status)).toMatchObject({
      state: 'pr_open',
      effective_mode: 'automated',
      risk_level: 'low',
      auto_merge_held: true,
    });
    expect(status).toContain(
      'Auto-merge stays off: @reviewer-bob asked for changes and that request still stands.',
    );
  });

  it('GitHub not confirming the first run’s auto-merge off: no hold recorded, the retry is, and the status says it may still merge', async () => {
    const { rerun, status } = await rerunWith(
      { login: 'reviewer-bob', state: 'CHANGES_REQUESTED', permission: 'write' },
      undefined,
      true,
    );
    expect(named(rerun, 'disablePullRequestAutoMerge')).toHaveLength(1);
    const marker = parseStateMarker(status);
    expect(marker).toMatchObject({ state: 'pr_open', auto_merge_off_pending: true });
    // Not held: the next review sync (the request still stands) asks GitHub again.
    expect(marker).not.toHaveProperty('auto_merge_held');
    expect(status).toContain('Auto-merge could not be turned off');
    expect(status).toContain('GitHub may still merge this pull request by itself');
  });

  it.each([
    ['dismissed', 'DISMISSED', 'write'],
    ['from a reader, which does not count', 'CHANGES_REQUESTED', 'read'],
    ['superseded by the reviewer’s approval', 'APPROVED', 'write'],
  ])(
    'a request for changes %s: the re-run arms auto-merge, nothing held',
    async (_how, state, permission) => {
      const { rerun, status } = await rerunWith({ login: 'reviewer-bob', state, permission });
      expect(named(rerun, 'enablePullRequestAutoMerge')).toHaveLength(1);
      expect(named(rerun, 'disablePullRequestAutoMerge')).toEqual([]);
      expect(parseStateMarker(status)?.auto_merge_held).toBeUndefined();
    },
  );

  it('reviews that cannot be read hold auto-merge off (failing closed), saying why; the run still opens its PR', async () => {
    const { rerun, status } = await rerunWith(
      { login: 'reviewer-bob', state: 'APPROVED', permission: 'write' },
      { 'GET /pulls/101/reviews': 403 },
    );
    expect(named(rerun, 'enablePullRequestAutoMerge')).toEqual([]);
    expect(parseStateMarker(status)).toMatchObject({ state: 'pr_open', auto_merge_held: true });
    expect(status).toContain('Auto-merge stays off: the reviews of pull request #101 could not be read');
  });
});
