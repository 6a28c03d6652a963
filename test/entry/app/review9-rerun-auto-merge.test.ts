import nock from 'nock';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { issueComment } from '../../fixtures/trigger-events.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { API } from './github-api.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

// Review #9 attacker pass: automated mode's auto-merge after the task's change becomes high risk.
// "FAULT:" tests were `it.failing` until fixed; they assert the right answer.

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

describe('review #9 attacks: a re-run that turns an automated task high risk', () => {
  // run-issue-task arms GitHub auto-merge when a run is automated at low risk, and on a later run
  // that the classifier judges high risk it falls back to guided (PR body, status, pending approval
  // check) — but never turns the auto-merge it armed off (no disablePullRequestAutoMerge anywhere
  // in src/). GitHub then merges the high-risk change once the branch's required checks pass,
  // without the approving review guided mode promises.
  it('FAULT: when a re-run falls back to guided, the auto-merge the first run turned on is turned off', async () => {
    const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
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
    let provider: ModelProvider = lowRisk;
    const app = await testProbot({
      providerFor: () => ({ name: 'switchable', generate: (input) => provider.generate(input) }),
    });

    const opened = webhookExample('issues', 'opened');
    opened.issue.body = bodies[1];
    opened.issue.labels = [{ name: 'implementation' }];
    await app.receive('issues', opened);
    expect(queries.some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(true);

    // The requester asks for more; the offline blueprint it now gets creates an IAM role.
    bodies[1] = requestBody('As a customer I can place and cancel an order');
    provider = createOfflineProvider();
    const rerun = issueComment('/implement');
    rerun.issue.body = bodies[1];
    rerun.comment.id = 5101;
    await app.receive('issue_comment', rerun);

    const status = fake.comments.find((comment) => comment.body.includes('implementation-agent:state'));
    expect(parseStateMarker(status?.body ?? '')).toMatchObject({
      effective_mode: 'guided',
      risk_level: 'high',
    });
    expect(queries.some((query) => query.includes('disablePullRequestAutoMerge'))).toBe(true);
  });
});
