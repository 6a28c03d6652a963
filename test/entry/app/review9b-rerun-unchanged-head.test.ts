import nock from 'nock';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { FAKE_AWS_ACCESS_KEY_ID } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { issueComment } from '../../fixtures/trigger-events.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { API } from './github-api.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

// Review #9b: a re-run whose generated files are already on the branch makes no commit, so the
// head stays what it was. When that head is a person's push, the agent had published its own
// passing `implementation-agent` check on it — a head it never validated. The check now names
// only what the agent validated: on a head it did not write, the gates run over the pull
// request's files there, and the task runs guided (the head is an unvalidated push).

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

function requestBody(story: string, mode: 'automated' | 'hybrid' = 'automated'): string {
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

const HUMAN_SHA = 'f'.repeat(40);
const OWN = '/repos/Codertocat/Hello-World';

/**
 * The fake GitHub, with its tree API made content-aware for one case: while `sameTree` is on, a
 * tree written over a base is the base tree itself, as GitHub answers when nothing changed.
 */
function setUp(bodies: Record<number, string>) {
  const state = { sameTree: false };
  nock(API)
    .persist()
    .post(`${OWN}/git/trees`)
    .reply((uri, body) => {
      const tree = body as { base_tree?: string };
      if (state.sameTree && tree.base_tree !== undefined) return [201, { sha: tree.base_tree }];
      return fake.handle({ method: 'POST', url: uri, body }) as [number, unknown];
    });
  // Registered after the tree interceptor above, which nock tries first.
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
  return { fake, queries, state };
}

async function openTask(app: Awaited<ReturnType<typeof testProbot>>, body: string) {
  const opened = webhookExample('issues', 'opened');
  opened.issue.body = body;
  opened.issue.labels = [{ name: 'implementation' }];
  await app.receive('issues', opened);
}

async function rerun(app: Awaited<ReturnType<typeof testProbot>>, body: string, id: number) {
  const comment = issueComment('/implement');
  comment.issue.body = body;
  comment.comment.id = id;
  await app.receive('issue_comment', comment);
}

/** Someone pushes to the task's branch: the ref moves; `deliver` sends the `synchronize` event too. */
async function personPushes(params: {
  app: Awaited<ReturnType<typeof testProbot>>;
  fake: ReturnType<typeof githubFakeBehindNock>;
  deliver: boolean;
}) {
  const pull = params.fake.pulls[0]!;
  const branch = typeof pull.head === 'string' ? pull.head : pull.head.ref;
  params.fake.refs.set(`heads/${branch}`, HUMAN_SHA);
  // What the pull request holds at the person's head: the agent's template and the person's file.
  params.fake.pullFiles[pull.number] = {
    [TEMPLATE_PATH]: LOW_RISK_TEMPLATE,
    'src/config.ts': `export const key = '${FAKE_AWS_ACCESS_KEY_ID}';\n`,
  };
  if (!params.deliver) return;
  const push = webhookExample('pull_request', 'synchronize');
  push.number = pull.number;
  push.pull_request.number = pull.number;
  push.pull_request.head.ref = branch;
  push.pull_request.head.sha = HUMAN_SHA;
  push.sender = { ...push.sender, login: 'Codertocat', type: 'User' };
  await params.app.receive('pull_request', push);
}

const statusOf = (fake: ReturnType<typeof githubFakeBehindNock>) =>
  fake.comments.find((comment) => comment.body.includes('implementation-agent:state'))!.body;
const validationChecksOn = (fake: ReturnType<typeof githubFakeBehindNock>, sha: string) =>
  fake.checkRuns.filter((run) => run.name === 'implementation-agent' && run.head_sha === sha);

afterEach(() => {
  nock.cleanAll();
});

describe('review #9b: a re-run that makes no commit publishes no check for a head it did not validate', () => {
  it.each([
    ['the push was delivered (the guard fell back)', true],
    ['the push was never delivered (a token that starts no run)', false],
  ])(
    '%s: the check on the person’s head reports the gates over its files, the task runs guided, the status says why',
    async (_case, deliver) => {
      const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
      const { fake, queries, state } = setUp(bodies);
      const app = await testProbot({ providerFor: () => lowRisk });
      await openTask(app, bodies[1]!);
      await personPushes({ app, fake, deliver });

      state.sameTree = true;
      const commitsBefore = fake.commits.length;
      const queriesBefore = queries.length;
      bodies[1] = requestBody('As a customer I can place and list orders');
      await rerun(app, bodies[1], 5201);

      // The generated files were already there: no commit, the head is still the person's.
      expect(fake.commits.length).toBe(commitsBefore);
      const checks = validationChecksOn(fake, HUMAN_SHA);
      expect(checks).toHaveLength(1);
      // Not the generation's passing check: the gates over the files at that head, which hold a key.
      expect(checks[0]).toMatchObject({ conclusion: 'failure' });
      expect(JSON.stringify(checks[0])).not.toContain(FAKE_AWS_ACCESS_KEY_ID);
      const status = statusOf(fake);
      expect(status).toContain('is not a commit implementation-agent made');
      expect(status).not.toContain(FAKE_AWS_ACCESS_KEY_ID);
      expect(parseStateMarker(status)).toMatchObject({
        effective_mode: 'guided',
        unvalidated_push: HUMAN_SHA,
      });
      expect(queries.slice(queriesBefore).some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(
        false,
      );
      if (!deliver)
        expect(
          queries.slice(queriesBefore).some((query) => query.includes('disablePullRequestAutoMerge')),
        ).toBe(true);
    },
  );

  it('a re-run with the same files on the agent’s own head keeps the generation’s check there and reads no pull request files', async () => {
    const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
    const { fake, state } = setUp(bodies);
    const app = await testProbot({ providerFor: () => lowRisk });
    await openTask(app, bodies[1]!);
    const ownHead = parseStateMarker(statusOf(fake))?.last_push?.sha;
    expect(ownHead).toBeDefined();

    state.sameTree = true;
    const requestsBefore = fake.requests.length;
    bodies[1] = requestBody('As a customer I can place and list orders');
    await rerun(app, bodies[1], 5202);

    expect(validationChecksOn(fake, ownHead!).map((run) => run.conclusion)).toEqual(['success', 'success']);
    expect(
      fake.requests.slice(requestsBefore).some((request) => /\/pulls\/\d+\/files/.test(request.path)),
    ).toBe(false);
    expect(parseStateMarker(statusOf(fake))).toMatchObject({
      effective_mode: 'automated',
      risk_level: 'low',
    });
  });
});

describe('review #9b: a re-run on the task’s branch keeps the risk an earlier commit was judged', () => {
  it('hybrid judged high, then a low-risk re-run on the same branch: still guided and high, auto-merge never armed', async () => {
    const bodies: Record<number, string> = {
      1: requestBody('As a customer I can place and cancel an order', 'hybrid'),
    };
    const { fake, queries } = setUp(bodies);
    let provider: ModelProvider = createOfflineProvider();
    const app = await testProbot({
      providerFor: () => ({ name: 'switchable', generate: (input) => provider.generate(input) }),
    });
    await openTask(app, bodies[1]!);
    expect(parseStateMarker(statusOf(fake))).toMatchObject({ effective_mode: 'guided', risk_level: 'high' });

    provider = lowRisk;
    bodies[1] = requestBody('As a customer I can place an order', 'hybrid');
    await rerun(app, bodies[1], 5203);

    const status = statusOf(fake);
    expect(parseStateMarker(status)).toMatchObject({ effective_mode: 'guided', risk_level: 'high' });
    expect(status).toContain('an earlier commit on this branch was judged high risk');
    expect(queries.some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(false);
  });
});

// The rule (README, modes): `unvalidated_push` is never cleared for the task. The agent never
// rewrites a person's commits, so every later commit — a re-run's, a feedback commit — is built on
// the push and the person's files stay in the pull request.
describe('review #9b: a person’s push keeps the task guided for good', () => {
  it('re-runs that commit over the push stay guided with the push named, and their check covers the pull request’s files', async () => {
    const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
    const { fake, queries } = setUp(bodies);
    const app = await testProbot({ providerFor: () => lowRisk });
    await openTask(app, bodies[1]!);
    await personPushes({ app, fake, deliver: true });
    const queriesBefore = queries.length;

    for (const [index, story] of ['place and list orders', 'place, list and cancel orders'].entries()) {
      bodies[1] = requestBody(`As a customer I can ${story}`);
      await rerun(app, bodies[1], 5301 + index);

      const status = statusOf(fake);
      const marker = parseStateMarker(status);
      expect(marker).toMatchObject({ effective_mode: 'guided', unvalidated_push: HUMAN_SHA });
      // The re-run made its own commit, over the person's; its check is over every file of the PR.
      const head = marker?.last_push;
      expect(head).toMatchObject({ by: { kind: 'agent' } });
      expect(head?.sha).not.toBe(HUMAN_SHA);
      expect(validationChecksOn(fake, head!.sha)).toEqual([
        expect.objectContaining({ conclusion: 'failure' }),
      ]);
      expect(status).toContain(`The branch carries \`${HUMAN_SHA.slice(0, 7)}\``);
    }
    expect(queries.slice(queriesBefore).some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(
      false,
    );
  });
});
