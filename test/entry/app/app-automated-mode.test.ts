import type { ExecutionMode, RequestPayload } from '../../../src/core/request/execution-request.js';
import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { ENABLE_AUTO_MERGE_MUTATION } from '../../../src/github/enable-auto-merge.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const BRANCH = 'implementation/1-orders-api';
const NODE_ID = 'PR_kwDOABCD42';

/** A change the classifier has nothing against: a table that keeps its data, and its handler. */
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
Outputs:
  OrdersTableName:
    Value: !Ref OrdersTable
`;

/**
 * No offline blueprint is low risk (each creates an IAM role or a resource policy), so the
 * low-risk change is this fixed bundle; the high-risk one is the offline application blueprint.
 */
function lowRiskProvider(): ModelProvider {
  return {
    name: 'fixed-low-risk',
    generate: async () => ({
      bundle: bundleOf(
        [
          file('infra/orders-table.yaml', LOW_RISK_TEMPLATE, 'template'),
          file('src/orders/table-name.ts', 'export const tableName = (env: string) => `orders-${env}`;\n'),
        ],
        'infra/orders-table.yaml',
      ),
      usage: NO_USAGE,
      model: 'fixed-low-risk',
    }),
  };
}

function requestIssue(mode: ExecutionMode) {
  const request: RequestPayload = {
    execution_request: {
      task_type: 'application',
      task_name: 'Orders API',
      execution_mode: mode,
      target_environment: 'staging',
    },
    support_artifacts: { user_stories: ['As a customer I can place an order'] },
  };
  const payload = webhookExample('issues', 'opened');
  payload.issue.body = ['```json', JSON.stringify(request, null, 2), '```'].join('\n');
  payload.issue.labels = [{ name: 'implementation' }];
  return payload;
}

/** Every call of a first run up to the check run; the PR answer carries its node id, as GitHub's does. */
function expectRunUpToChecks(api: ReturnType<typeof githubApi>, config?: string) {
  api.installationToken(INSTALLATION_ID);
  api.config(config);
  api.comments(1);
  api.permission('Codertocat', 'admin');
  api.createComment(1, 900);
  api.missingBranch(BRANCH);
  api.branch('master', 'base-sha');
  api.commit('base-sha');
  api.createTree();
  api.createCommit('head-sha');
  api.createRef();
  api.listPulls([]);
  api.scope.post(`/repos/${OWNER}/${REPO}/pulls`).reply(201, {
    number: 42,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/42`,
    node_id: NODE_ID,
  });
  api.addLabels(42);
  api.checkRun();
}

const bodyOf = (api: ReturnType<typeof githubApi>, method: string, suffix: string) =>
  api.calls.find((call) => call.method === method && call.path.split('?')[0]?.endsWith(suffix))?.body;

describe('Probot app: automated and hybrid modes', () => {
  it('turns on auto-merge for a low-risk change in automated mode and says so on the status comment', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectRunUpToChecks(api);
    api.scope.post('/graphql').reply(200, {
      data: {
        enablePullRequestAutoMerge: {
          pullRequest: {
            number: 42,
            autoMergeRequest: { enabledAt: '2026-11-29T13:00:00Z', mergeMethod: 'SQUASH' },
          },
        },
      },
    });
    api.updateComment(900);
    const { receive, errors } = await testProbot({ providerFor: () => lowRiskProvider() });

    await receive('issues', requestIssue('automated'));

    expect(errors).toEqual([]);
    // Auto-merge is on before the status says so: the comment read just before its edit, the
    // edit, and its two read-backs.
    expect(api.callLines().slice(-6)).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      'POST /graphql',
      `GET /repos/${OWNER}/${REPO}/issues/comments/900`,
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/900`,
      `GET /repos/${OWNER}/${REPO}/issues/comments/900`,
      `GET /repos/${OWNER}/${REPO}/issues/comments/900`,
    ]);
    expect(bodyOf(api, 'POST', '/graphql')).toEqual({
      query: ENABLE_AUTO_MERGE_MUTATION,
      // Pinned to the commit the run validated and pushed: GitHub refuses once the head moves.
      variables: { pullRequestId: NODE_ID, mergeMethod: 'SQUASH', expectedHeadOid: 'head-sha' },
    });
    const pullBody: string = bodyOf(api, 'POST', `/repos/${OWNER}/${REPO}/pulls`).body;
    expect(pullBody).toContain('**Mode** automated · **Risk** low.');
    expect(pullBody).toContain('The risk classifier found nothing that needs a review.');
    const status: string = bodyOf(api, 'PATCH', '/issues/comments/900').body;
    expect(status).toContain('**Mode** automated · **Risk** low.');
    expect(status).toContain('Auto-merge is on (squash)');
    expect(readStateMarker(status)?.marker).toMatchObject({
      state: 'pr_open',
      effective_mode: 'automated',
      risk_level: 'low',
    });
    expect(api.scope.isDone()).toBe(true);
  });

  it('uses the merge method from the config', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectRunUpToChecks(api, 'auto_merge:\n  merge_method: rebase\n');
    api.scope
      .post('/graphql')
      .reply(200, { data: { enablePullRequestAutoMerge: { pullRequest: { number: 42 } } } });
    api.updateComment(900);
    const { receive, errors } = await testProbot({ providerFor: () => lowRiskProvider() });

    await receive('issues', requestIssue('automated'));

    expect(errors).toEqual([]);
    expect(bodyOf(api, 'POST', '/graphql').variables).toEqual({
      pullRequestId: NODE_ID,
      mergeMethod: 'REBASE',
      // Pinned to the commit the run validated and pushed: GitHub refuses once the head moves.
      expectedHeadOid: 'head-sha',
    });
    expect(bodyOf(api, 'PATCH', '/issues/comments/900').body).toContain('Auto-merge is on (rebase)');
  });

  it('leaves the PR for merge-when-green and says why when the repository does not allow auto-merge', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectRunUpToChecks(api);
    api.scope.post('/graphql').reply(200, {
      data: { enablePullRequestAutoMerge: null },
      errors: [
        {
          type: 'UNPROCESSABLE',
          path: ['enablePullRequestAutoMerge'],
          locations: [{ line: 2, column: 3 }],
          message: 'Auto merge is not allowed for this repository',
        },
      ],
    });
    api.updateComment(900);
    const { receive, errors } = await testProbot({ providerFor: () => lowRiskProvider() });

    await receive('issues', requestIssue('automated'));

    expect(errors).toEqual([]);
    const status: string = bodyOf(api, 'PATCH', '/issues/comments/900').body;
    expect(status).toContain('Auto-merge is not allowed in this repository');
    expect(status).toContain('left open to be merged when its required checks are green');
    expect(status).toContain('Pull request open for review');
    expect(api.scope.isDone()).toBe(true);
  });

  it.each(['automated', 'hybrid'] as const)(
    'falls back to guided for a high-risk change in %s mode: no auto-merge, reasons shown',
    async (mode) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectRunUpToChecks(api);
      // Guided: the approval check waits for a review.
      api.approvalCheck();
      api.updateComment(900);
      const { receive, errors } = await testProbot({ providerFor: () => createOfflineProvider() });

      await receive('issues', requestIssue(mode));

      expect(errors).toEqual([]);
      expect(api.callLines()).not.toContain('POST /graphql');
      const pullBody: string = bodyOf(api, 'POST', `/repos/${OWNER}/${REPO}/pulls`).body;
      const status: string = bodyOf(api, 'PATCH', '/issues/comments/900').body;
      for (const text of [pullBody, status]) {
        expect(text).toContain(`**Mode** ${mode} → guided · **Risk** high.`);
        expect(text).toContain(
          '`iam-resource` Creates or changes IAM resource ApiFunctionRole (AWS::IAM::Role).',
        );
        expect(text).toContain('`services/orders-api/template.yaml#Resources.ApiFunctionRole`');
      }
      expect(status).toContain(
        mode === 'automated' ? 'fell back to guided' : 'needs an approving review (guided)',
      );
      expect(pullBody).toContain('Approve this PR to pass the `implementation-agent/approval` check');
      expect(readStateMarker(status)?.marker).toMatchObject({ effective_mode: 'guided', risk_level: 'high' });
      expect(api.scope.isDone()).toBe(true);
    },
  );
});
