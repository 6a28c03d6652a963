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

// Sibling cases of the review #9 re-run reproduction: GitHub's auto-merge is on exactly while the
// task runs automated at low risk, whatever moves it off (a mode change) or keeps it on.

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
    bundle: bundleOf(
      [file('infra/orders-table.yaml', LOW_RISK_TEMPLATE, 'template')],
      'infra/orders-table.yaml',
    ),
    usage: NO_USAGE,
    model: 'fixed-low-risk',
  }),
};

function requestBody(story: string, mode: 'automated' | 'guided' | 'hybrid' = 'automated'): string {
  const request: RequestPayload = {
    execution_request: {
      task_type: 'application',
      task_name: 'Orders API',
      execution_mode: mode,
      target_environment: 'staging',
    },
    support_artifacts: { user_stories: [story] },
  };
  return ['```json', JSON.stringify(request, null, 2), '```'].join('\n');
}

/** Runs the issue's request, then `/implement` after `bodies[1]` changed; returns the GraphQL queries sent. */
async function runTwice(params: {
  first: string;
  second: string;
}): Promise<{ queries: string[]; status: string; afterFirst: string[] }> {
  const bodies: Record<number, string> = { 1: params.first };
  const fake = githubFakeBehindNock({ permissions: { Codertocat: 'admin' }, issueBodies: bodies });
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
      return { data: { repository: { pullRequest: { id: 'PR_kwDOABCD42' } } } };
    });
  const app = await testProbot({ providerFor: () => lowRisk });
  const opened = webhookExample('issues', 'opened');
  opened.issue.body = bodies[1];
  opened.issue.labels = [{ name: 'implementation' }];
  await app.receive('issues', opened);
  const afterFirst = [...queries];
  bodies[1] = params.second;
  const rerun = issueComment('/implement');
  rerun.issue.body = bodies[1];
  rerun.comment.id = 5102;
  await app.receive('issue_comment', rerun);
  const status = fake.comments.find((comment) => comment.body.includes('implementation-agent:state'));
  return { queries: queries.slice(afterFirst.length), status: status?.body ?? '', afterFirst };
}

const named = (queries: string[], mutation: string) => queries.filter((query) => query.includes(mutation));

describe('a re-run turns GitHub auto-merge off exactly when the task no longer runs automated', () => {
  it('the request changed to guided: auto-merge is turned off and the status says so', async () => {
    const { queries, status, afterFirst } = await runTwice({
      first: requestBody('As a customer I can place an order'),
      second: requestBody('As a customer I can place an order', 'guided'),
    });
    expect(named(afterFirst, 'enablePullRequestAutoMerge')).toHaveLength(1);
    expect(named(queries, 'disablePullRequestAutoMerge')).toHaveLength(1);
    expect(named(queries, 'enablePullRequestAutoMerge')).toEqual([]);
    expect(parseStateMarker(status)).toMatchObject({ effective_mode: 'guided' });
    expect(status).toContain('Auto-merge is off');
  });

  it('still automated at low risk: auto-merge is asked for again, never turned off', async () => {
    const { queries, status } = await runTwice({
      first: requestBody('As a customer I can place an order'),
      second: requestBody('As a customer I can place and list orders'),
    });
    expect(named(queries, 'disablePullRequestAutoMerge')).toEqual([]);
    expect(named(queries, 'enablePullRequestAutoMerge')).toHaveLength(1);
    expect(parseStateMarker(status)).toMatchObject({ effective_mode: 'automated', base_branch: 'master' });
  });

  it('guided from the start: nothing was armed, nothing is turned off', async () => {
    const { queries, afterFirst } = await runTwice({
      first: requestBody('As a customer I can place an order', 'guided'),
      second: requestBody('As a customer I can place and list orders', 'guided'),
    });
    expect([...afterFirst, ...queries].filter((query) => query.includes('AutoMerge'))).toEqual([]);
  });
});
