import nock from 'nock';
import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { createBedrockProvider } from '../../../src/generation/bedrock/create-bedrock-provider.js';
import {
  BEDROCK_ENDPOINT,
  CONVERSE_PATH,
  reviseToolInput,
  testProviderOptions,
  toolUseResponse,
} from '../../generation/bedrock/helpers/converse-fixtures.js';
import { APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import {
  BASE,
  BRANCH,
  deliver,
  expectRun,
  HEAD,
  listedComment,
  listedReview,
  marker,
  NEW_HEAD,
  OWNER,
  PULL,
  REPO,
  reviewEvent,
  statusWrites,
  type Api,
} from './review-feedback-fixtures.js';

// Review #9b sibling: the same laundering through a Bedrock revision (`revise_files`) instead of a
// suggestion. The model is asked to "let the consumer do what it needs" and answers with a queue
// policy allowing every action; the revision is pushed as the agent's commit, so it is
// risk-classified like a generation (`judgeAgentCommit`) and an automated task falls back to guided.

const TEMPLATE = 'infra/queue.yaml';
const TEMPLATE_SHA = 'a'.repeat(40);
const TEMPLATE_TEXT = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
const REVISED = [
  'Resources:',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  '  QueuePolicy:',
  '    Type: AWS::SQS::QueuePolicy',
  '    Properties:',
  '      Queues: [!Ref Queue]',
  '      PolicyDocument:',
  '        Statement:',
  '          - Effect: Allow',
  "            Action: '*'",
  '            Principal: { AWS: arn:aws:iam::123456789012:root }',
  '            Resource: !GetAtt Queue.Arn',
  '',
].join('\n');

const bedrock = () => createBedrockProvider(testProviderOptions().options);

function expectTemplateRead(api: Api) {
  api.scope
    .get(`${BASE}/git/trees/${HEAD}`)
    .query({ recursive: 'true' })
    .reply(200, {
      sha: HEAD,
      truncated: false,
      tree: [{ path: TEMPLATE, mode: '100644', type: 'blob', sha: TEMPLATE_SHA }],
    });
  api.scope.get(`${BASE}/git/blobs/${TEMPLATE_SHA}`).reply(200, {
    sha: TEMPLATE_SHA,
    encoding: 'base64',
    content: Buffer.from(TEMPLATE_TEXT).toString('base64'),
  });
}

/** The push, the reply, the thread, and the follow-up sync on the new head (optional where the fix decides). */
function expectPush(api: Api, commentId: number) {
  api.commit(HEAD);
  api.createTree();
  api.createCommit(NEW_HEAD);
  api.updateRef(BRANCH);
  api.scope.post(`${BASE}/pulls/${PULL}/comments/${commentId}/replies`).reply(201, { id: 5001 });
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('reviewThreads'))
    .optionally()
    .reply(200, {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              nodes: [{ id: 'PRRT_1', isResolved: false, comments: { nodes: [{ databaseId: commentId }] } }],
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    });
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('resolveReviewThread'))
    .optionally()
    .reply(200, { data: { resolveReviewThread: { thread: { id: 'PRRT_1', isResolved: true } } } });
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('PullRequestAutoMerge'))
    .optionally()
    .reply(200, { data: { disablePullRequestAutoMerge: { pullRequest: { number: PULL } } } });
  api.scope.post(`${BASE}/issues/${PULL}/comments`).optionally().reply(201, { id: 6001 });
  // A commit writing a template is judged with the pull request's other templates (here none).
  api.scope
    .get(`${BASE}/pulls/${PULL}/files`)
    .query(true)
    .optionally()
    .reply(200, [{ filename: TEMPLATE, status: 'added' }]);
  api.scope.patch(`${BASE}/issues/comments/900`).optionally().times(3).reply(200, { id: 900 });
  api.scope.post(`${BASE}/check-runs`).optionally().times(3).reply(201, { id: 80 });
  // The follow-up sync reads the status comment as the feedback run left it.
  api.scope
    .get(`${BASE}/issues/1/comments`)
    .query(true)
    .optionally()
    .reply(200, () => {
      const last = statusWrites(api).at(-1);
      return [{ id: 900, user: { login: APP_LOGIN, type: 'Bot' }, body: String(last?.body.body) }];
    });
  api.scope
    .get(`${BASE}/pulls/${PULL}`)
    .optionally()
    .reply(200, {
      number: PULL,
      node_id: `PR_kwDOABCD${PULL}`,
      state: 'open',
      merged: false,
      head: { sha: NEW_HEAD, ref: BRANCH, repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
      base: { ref: 'master', repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
    });
  api.scope
    .get(`${BASE}/contents/${encodeURIComponent('.github/implementation-agent.yml')}`)
    .optionally()
    .reply(404, { message: 'Not Found' });
  api.scope
    .get(`${BASE}/pulls/${PULL}/reviews`)
    .query(true)
    .optionally()
    .reply(200, [listedReview('maintainer')]);
  api.scope
    .get(`${BASE}/collaborators/maintainer/permission`)
    .optionally()
    .reply(200, { permission: 'write', role_name: 'write', user: { login: 'maintainer' } });
  api.scope
    .get(`${BASE}/commits/${NEW_HEAD}/check-runs`)
    .query(true)
    .optionally()
    .times(2)
    .reply(200, { total_count: 0, check_runs: [] });
}

afterAll(() => {
  nock.restore();
});

describe('review #9b: a Bedrock revision on an automated task makes it high risk', () => {
  it("a revision adding Action: '*' is pushed and ends automated mode: guided, high, auto-merge off, the reasons shown", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const state = marker({
      effective_mode: 'automated',
      risk_level: 'low',
      execution_mode: 'automated',
      environment: 'staging',
      template_path: TEMPLATE,
    });
    const comment = listedComment('Let the consumer do whatever it needs with the queue', { path: TEMPLATE });
    expectRun(api, { reviewer: 'maintainer', permission: 'write', comments: [comment], state });
    api.permission('maintainer', 'write');
    api.config(undefined);
    expectTemplateRead(api);
    nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .reply(
        200,
        toolUseResponse({
          name: 'revise_files',
          input: reviseToolInput({
            summary: 'Allow the consumer every action on the queue',
            files: [{ path: TEMPLATE, content: REVISED }],
            answers: [{ id: `review-comment:${comment.id}`, changed: true, answer: 'Added a queue policy.' }],
          }),
          usage: { inputTokens: 1_000, outputTokens: 200 },
        }),
      );
    expectPush(api, comment.id);

    await deliver(reviewEvent('maintainer'), undefined, bedrock);

    const tree = api.calls.find((call) => call.method === 'POST' && call.path === `${BASE}/git/trees`);
    expect(JSON.stringify(tree?.body)).toContain("Action: '*'");
    const pushed = statusWrites(api).find((call) => String(call.body.body).includes('Pushed `'));
    expect(readStateMarker(String(pushed?.body.body))?.marker).toMatchObject({
      effective_mode: 'guided',
      risk_level: 'high',
    });
    expect(String(pushed?.body.body)).toContain('`wildcard-action`');
    const autoMerge = api.calls.filter(
      (call) => call.path === '/graphql' && String(call.body?.query).includes('PullRequestAutoMerge'),
    );
    expect(autoMerge.map((call) => String(call.body.query))).toEqual([
      expect.stringContaining('disablePullRequestAutoMerge'),
    ]);
    const told = api.calls.filter(
      (call) => call.method === 'POST' && call.path === `${BASE}/issues/${PULL}/comments`,
    );
    expect(told).toHaveLength(1);
    expect(told[0]?.body.body).toContain('Automated mode fell back to guided');
    expect(
      api.calls.some(
        (call) =>
          call.path === `${BASE}/check-runs` &&
          call.body?.name === 'implementation-agent/approval' &&
          call.body?.head_sha === NEW_HEAD,
      ),
    ).toBe(true);
    // The follow-up sync keeps the task guided: nothing turns auto-merge back on.
    expect(readStateMarker(String(statusWrites(api).at(-1)?.body.body))?.marker).toMatchObject({
      effective_mode: 'guided',
      risk_level: 'high',
    });
  });
});
