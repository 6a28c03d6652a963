import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Hybrid mode over a bundle whose npm lockfile holds an install script (esbuild's): the classifier
// compares it with the lockfile on the branch the pull request merges into, read through GitHub's
// contents API at that branch. Low only when the base has the same entry; an unreadable base is no base.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const BRANCH = 'implementation/1-orders-api';
const LOCK = 'services/orders-api/package-lock.json';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
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

const tarball = (name: string, version: string) =>
  `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`;
const lockfile = (packages: Record<string, unknown>) =>
  JSON.stringify({
    name: 'orders-api',
    lockfileVersion: 3,
    requires: true,
    packages: { '': {}, ...packages },
  });
const ESBUILD = {
  'node_modules/esbuild': {
    version: '0.28.0',
    resolved: tarball('esbuild', '0.28.0'),
    integrity: 'sha512-x',
    hasInstallScript: true,
  },
};
const JSONC = {
  'node_modules/jsonc': { version: '1.0.0', resolved: tarball('jsonc', '1.0.0'), integrity: 'sha512-y' },
};

function providerWithLockfile(): ModelProvider {
  return {
    name: 'fixed-lockfile',
    generate: async () => ({
      bundle: bundleOf(
        [
          file('services/orders-api/template.yaml', TEMPLATE, 'template'),
          file(LOCK, lockfile({ ...ESBUILD, ...JSONC })),
        ],
        'services/orders-api/template.yaml',
      ),
      usage: NO_USAGE,
      model: 'fixed-lockfile',
    }),
  };
}

function hybridIssue() {
  const request: RequestPayload = {
    execution_request: {
      task_type: 'application',
      task_name: 'Orders API',
      execution_mode: 'hybrid',
      target_environment: 'staging',
    },
    support_artifacts: { user_stories: ['As a customer I can place an order'] },
  };
  const payload = webhookExample('issues', 'opened');
  payload.issue.body = ['```json', JSON.stringify(request, null, 2), '```'].join('\n');
  payload.issue.labels = [{ name: 'implementation' }];
  return payload;
}

/** Every call of a first run up to the check run, the base lockfile read answered by `base`. */
function expectRun(api: ReturnType<typeof githubApi>, base: (scope: typeof api.scope) => void) {
  api.installationToken(INSTALLATION_ID);
  api.config(undefined);
  api.comments(1);
  api.permission('Codertocat', 'admin');
  api.createComment(1, 900);
  base(api.scope);
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
    node_id: 'PR_kwDOABCD42',
  });
  api.addLabels(42);
  api.checkRun();
}

const baseLockfile = (scope: ReturnType<typeof githubApi>['scope']) =>
  scope.get(`/repos/${OWNER}/${REPO}/contents/${encodeURIComponent(LOCK)}`).query({ ref: 'master' });
const answerWith = (content: string) => (scope: ReturnType<typeof githubApi>['scope']) =>
  baseLockfile(scope).reply(200, {
    type: 'file',
    encoding: 'base64',
    content: Buffer.from(content).toString('base64'),
  });

const bodyOf = (api: ReturnType<typeof githubApi>, method: string, suffix: string) =>
  api.calls.find((call) => call.method === method && call.path.split('?')[0]?.endsWith(suffix))?.body;

describe('Probot app: hybrid mode judges a lockfile against the base branch', () => {
  it('stays low and arms auto-merge when the base lockfile has the same install-script entry', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectRun(api, answerWith(lockfile(ESBUILD)));
    api.scope.post('/graphql').reply(200, {
      data: { enablePullRequestAutoMerge: { pullRequest: { number: 42 } } },
    });
    api.updateComment(900);
    const { receive, errors } = await testProbot({ providerFor: () => providerWithLockfile() });

    await receive('issues', hybridIssue());

    expect(errors).toEqual([]);
    expect(api.callLines()).toContain(`GET /repos/${OWNER}/${REPO}/contents/${LOCK}`);
    const status: string = bodyOf(api, 'PATCH', '/issues/comments/900').body;
    expect(status).toContain('**Mode** hybrid → automated · **Risk** low.');
    expect(readStateMarker(status)?.marker).toMatchObject({ effective_mode: 'automated', risk_level: 'low' });
    expect(api.scope.isDone()).toBe(true);
  });

  it.each([
    [
      'the base lockfile lacks the entry',
      answerWith(lockfile(JSONC)),
      'the reviewed lockfile does not: npm ci',
    ],
    [
      'the base has no lockfile',
      (scope: ReturnType<typeof githubApi>['scope']) =>
        baseLockfile(scope).reply(404, { message: 'Not Found' }),
      'the reviewed lockfile does not: npm ci',
    ],
    [
      'the base lockfile cannot be read',
      (scope: ReturnType<typeof githubApi>['scope']) =>
        baseLockfile(scope).reply(403, { message: 'Resource not accessible by integration' }),
      'the reviewed lockfile on the base branch could not be read: Resource not accessible by integration',
    ],
  ])('is high and guided when %s', async (_name, base, message) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectRun(api, base);
    api.approvalCheck();
    api.updateComment(900);
    const { receive, errors } = await testProbot({ providerFor: () => providerWithLockfile() });

    await receive('issues', hybridIssue());

    expect(errors).toEqual([]);
    expect(api.callLines()).not.toContain('POST /graphql');
    const pullBody: string = bodyOf(api, 'POST', `/repos/${OWNER}/${REPO}/pulls`).body;
    expect(pullBody).toContain('**Mode** hybrid → guided · **Risk** high.');
    expect(pullBody).toContain(`\`${LOCK}#packages.node_modules/esbuild\``);
    expect(pullBody).toContain(message);
    expect(pullBody).not.toContain('node_modules/jsonc');
    const status: string = bodyOf(api, 'PATCH', '/issues/comments/900').body;
    expect(readStateMarker(status)?.marker).toMatchObject({ effective_mode: 'guided', risk_level: 'high' });
    expect(api.scope.isDone()).toBe(true);
  });
});
