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

// Review #9 second attacker pass: a person's push falls an automated task back to guided, but a
// later re-run (`/implement` after the request changed) builds its commit on top of that push
// (publishPullRequest's base_tree is the branch head) and arms GitHub's auto-merge again, so the
// person's files — never validated nor risk-classified — merge with no approval.

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

const HUMAN_SHA = 'f'.repeat(40);

describe('review #9b: a re-run after a person’s push re-arms auto-merge over the unvalidated push', () => {
  it('after a person pushed and the task fell back to guided, a re-run built on the push stays guided and arms no auto-merge', async () => {
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
        if (/viewer\s*\{\s*login\s*\}/.test(query))
          return { data: { viewer: { login: 'implementation-agent[bot]' } } };
        return { data: { repository: { pullRequest: { id: 'PR_kwDOABCD42' } } } };
      });
    const app = await testProbot({ providerFor: () => lowRisk });
    const opened = webhookExample('issues', 'opened');
    opened.issue.body = bodies[1];
    opened.issue.labels = [{ name: 'implementation' }];
    await app.receive('issues', opened);

    // A person with write access pushes to the agent's branch.
    const pull = fake.pulls[0]!;
    const branch = typeof pull.head === 'string' ? pull.head : pull.head.ref;
    fake.refs.set(`heads/${branch}`, HUMAN_SHA);
    const push = webhookExample('pull_request', 'synchronize');
    push.number = pull.number;
    push.pull_request.number = pull.number;
    push.pull_request.head.ref = branch;
    push.pull_request.head.sha = HUMAN_SHA;
    push.sender = { ...push.sender, login: 'Codertocat', type: 'User' };
    await app.receive('pull_request', push);
    const statusAfterPush = fake.comments.find((c) => c.body.includes('implementation-agent:state'))!.body;
    expect(parseStateMarker(statusAfterPush)).toMatchObject({ effective_mode: 'guided' });

    // The request is edited and re-run: still low risk, so the agent asks for auto-merge again.
    const before = queries.length;
    const commitsBefore = fake.requests.length;
    bodies[1] = requestBody('As a customer I can place and list orders');
    const rerun = issueComment('/implement');
    rerun.issue.body = bodies[1];
    rerun.comment.id = 5102;
    await app.receive('issue_comment', rerun);

    const newCommit = fake.requests
      .slice(commitsBefore)
      .find((r) => r.method === 'POST' && r.path.endsWith('/git/commits'));
    const builtOnPush = ((newCommit?.body as { parents?: string[] } | undefined)?.parents ?? []).includes(
      HUMAN_SHA,
    );
    const armed = queries.slice(before).some((q) => q.includes('enablePullRequestAutoMerge'));
    expect(builtOnPush).toBe(true); // the re-run keeps the person's commit (and its files) in the branch
    // Right answer: auto-merge is not armed while the branch carries a push the agent never validated.
    expect(armed).toBe(false);
    const status = fake.comments.find((c) => c.body.includes('implementation-agent:state'))!.body;
    expect(parseStateMarker(status)).toMatchObject({
      effective_mode: 'guided',
      unvalidated_push: HUMAN_SHA,
    });
    expect(status).toContain(`It stays guided, though: the branch holds ${HUMAN_SHA.slice(0, 7)}`);
  });
});
