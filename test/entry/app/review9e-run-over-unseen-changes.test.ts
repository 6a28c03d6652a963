import nock from 'nock';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { FAKE_AWS_ACCESS_KEY_ID } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { issueComment } from '../../fixtures/trigger-events.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { API } from './github-api.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

// Review #9e (fresh attacker pass). A run publishes by committing on top of whatever the task's
// branch holds (`publishPullRequest`: the existing head is the parent), and `reportForHead` calls
// the result the agent's own ("a run that pushed its commit validated that commit's generated
// files") whenever it pushed. It never compares the parent with the head the marker recorded as
// the agent's (`last_push`). So a person's commit the agent never saw pushed — its `synchronize`
// never delivered (a push made with a token that starts no run, a lost delivery), or the branch
// deleted with its pull request closed and made again by someone else before `/retry` — ends up
// under the agent's new head: the check shows only the generation's gates, the task keeps running
// automated and auto-merge is armed on files nobody validated or risk-classified (DESIGN §4, §5b:
// automated mode merges only what the agent validated). Right behaviour, as for a push the agent
// does see: the unseen head is recorded as `unvalidated_push`, the task runs guided, no auto-merge.

const TEMPLATE_PATH = 'infra/orders-table.yaml';
const LOW_RISK_TEMPLATE = (name: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ${name}:
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

/** A low-risk generation whose template changes with each run, so every run makes a commit. */
function lowRisk(): ModelProvider {
  let run = 0;
  return {
    name: 'fixed-low-risk',
    generate: async () => {
      run += 1;
      return {
        bundle: bundleOf(
          [file(TEMPLATE_PATH, LOW_RISK_TEMPLATE(`OrdersTable${run}`), 'template')],
          TEMPLATE_PATH,
        ),
        usage: NO_USAGE,
        model: 'fixed-low-risk',
      };
    },
  };
}

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
const BRANCH = 'implementation/1-orders-api';

function setUp(bodies: Record<number, string>) {
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
  return { fake, queries };
}

const statusIndex = (fake: ReturnType<typeof githubFakeBehindNock>) =>
  fake.comments.findIndex(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
const statusOf = (fake: ReturnType<typeof githubFakeBehindNock>) => fake.comments[statusIndex(fake)]!.body;

afterEach(() => {
  nock.cleanAll();
});

describe('review #9e: the agent commits over a push it never saw', () => {
  it.each([
    ['a push whose synchronize was never delivered, then /implement', 'undelivered'],
    [
      'the branch deleted with its pull request closed and made again by someone else, then /retry',
      'recreated',
    ],
  ])(
    'FAULT: %s: the run arms auto-merge over a person’s commit it never validated (commit over an unseen push)',
    async (_case, how) => {
      const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
      const { fake, queries } = setUp(bodies);
      const app = await testProbot({ providerFor: () => lowRisk() });
      const opened = webhookExample('issues', 'opened');
      opened.issue.body = bodies[1]!;
      opened.issue.labels = [{ name: 'implementation' }];
      await app.receive('issues', opened);
      const first = parseStateMarker(statusOf(fake));
      expect(first).toMatchObject({ effective_mode: 'automated', risk_level: 'low', state: 'pr_open' });
      expect(queries.some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(true);

      // Someone else's commit becomes the branch's head: a file holding a key, never seen by the agent.
      fake.refs.set(`heads/${BRANCH}`, HUMAN_SHA);
      for (const pull of fake.pulls)
        fake.pullFiles[pull.number] = {
          [TEMPLATE_PATH]: LOW_RISK_TEMPLATE('OrdersTable1'),
          'src/config.ts': `export const key = '${FAKE_AWS_ACCESS_KEY_ID}';\n`,
        };
      const queriesBefore = queries.length;
      if (how === 'undelivered') {
        // The request changed (the same request again is answered "already has its pull request"
        // and runs nothing), so the run makes a commit.
        bodies[1] = requestBody('As a customer I can place and cancel an order');
        const comment = issueComment('/implement');
        comment.issue.body = bodies[1];
        comment.comment.id = 5401;
        await app.receive('issue_comment', comment);
      } else {
        // The pull request was closed (the task cancelled by the close), its branch deleted, and
        // the branch pushed again under the same name by someone else: no pull request event at all.
        for (const pull of fake.pulls) pull.state = 'closed';
        const index = statusIndex(fake);
        fake.comments[index]!.body = agentStatusComment({
          marker: { ...first!, state: 'cancelled', cancelled_by_close: true },
        }).body;
        const comment = issueComment('/retry');
        comment.comment.id = 5402;
        await app.receive('issue_comment', comment);
      }
      expect(app.errors).toEqual([]);

      const marker = parseStateMarker(statusOf(fake));
      expect(marker?.state).toBe('pr_open');
      // The agent made its own commit, over the person's.
      expect(marker?.last_push?.sha).not.toBe(HUMAN_SHA);
      // Right: the person's head stays under every later commit, so the task runs guided from now on.
      expect(marker).toMatchObject({ effective_mode: 'guided', unvalidated_push: HUMAN_SHA });
      expect(queries.slice(queriesBefore).some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(
        false,
      );
    },
  );
});

// The same trust in what the run did not see, for the base: `guardAutomatedPullRequest` falls an
// automated task back to guided when its pull request is retargeted (`pull_request.edited`), but a
// run publishing on the open pull request (`publishPullRequest` finds it by head branch and edits
// only its title and body) never looks at its base. When the edit's delivery was never handled (a
// lost delivery, a workflow without `edited`), an `/implement` re-run arms GitHub's auto-merge on a
// pull request that now merges into another branch (here `release`), and records the default branch
// as the task's `base_branch` (DESIGN §4: automated mode merges only into the branch it was asked for).
describe('review #9e: a re-run over a base it never saw change', () => {
  it('FAULT: a pull request retargeted without its edited event handled: the re-run arms auto-merge into the other branch (unseen base change)', async () => {
    const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
    const { fake, queries } = setUp(bodies);
    const app = await testProbot({ providerFor: () => lowRisk() });
    const opened = webhookExample('issues', 'opened');
    opened.issue.body = bodies[1]!;
    opened.issue.labels = [{ name: 'implementation' }];
    await app.receive('issues', opened);
    expect(parseStateMarker(statusOf(fake))).toMatchObject({
      effective_mode: 'automated',
      state: 'pr_open',
    });

    // Someone retargets the pull request at another branch; no `edited` delivery reaches the app.
    fake.pulls[0]!.base = 'release';
    const queriesBefore = queries.length;
    // A changed request, so the re-run generates and publishes (the same one again runs nothing).
    bodies[1] = requestBody('As a customer I can place and cancel an order');
    const comment = issueComment('/implement');
    comment.issue.body = bodies[1];
    comment.comment.id = 5403;
    await app.receive('issue_comment', comment);
    expect(app.errors).toEqual([]);

    expect(queries.slice(queriesBefore).some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(
      false,
    );
    // The task keeps the base it was opened against, and the status says why it runs guided.
    expect(parseStateMarker(statusOf(fake))).toMatchObject({
      effective_mode: 'guided',
      base_branch: 'master',
    });
    expect(statusOf(fake)).toContain('now targets release, not master');
  });
});

describe('review #9e siblings: other heads the agent never saw', () => {
  it('a branch someone made under the task’s name before its first run: the run builds on it, so it runs guided and says so', async () => {
    const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
    const { fake, queries } = setUp(bodies);
    fake.refs.set(`heads/${BRANCH}`, HUMAN_SHA);
    const app = await testProbot({ providerFor: () => lowRisk() });
    const opened = webhookExample('issues', 'opened');
    opened.issue.body = bodies[1]!;
    opened.issue.labels = [{ name: 'implementation' }];
    await app.receive('issues', opened);
    expect(app.errors).toEqual([]);

    const marker = parseStateMarker(statusOf(fake));
    expect(marker).toMatchObject({ state: 'pr_open', effective_mode: 'guided', unvalidated_push: HUMAN_SHA });
    expect(queries.some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(false);
    expect(statusOf(fake)).toContain('no event about that push ever reached implementation-agent');
    // The pull request body says so too: it was written again with the guided decision.
    expect(fake.pulls[0]?.body).toContain(`the branch holds ${HUMAN_SHA.slice(0, 7)}`);
  });

  it('control: a re-run over the agent’s own head (nothing pushed since) stays automated and arms auto-merge', async () => {
    const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
    const { fake, queries } = setUp(bodies);
    const app = await testProbot({ providerFor: () => lowRisk() });
    const opened = webhookExample('issues', 'opened');
    opened.issue.body = bodies[1]!;
    opened.issue.labels = [{ name: 'implementation' }];
    await app.receive('issues', opened);
    const queriesBefore = queries.length;
    bodies[1] = requestBody('As a customer I can place and cancel an order');
    const comment = issueComment('/implement');
    comment.issue.body = bodies[1];
    comment.comment.id = 5404;
    await app.receive('issue_comment', comment);
    expect(app.errors).toEqual([]);

    const marker = parseStateMarker(statusOf(fake));
    expect(marker).toMatchObject({ state: 'pr_open', effective_mode: 'automated', attempt: 2 });
    expect(marker?.unvalidated_push).toBeUndefined();
    expect(queries.slice(queriesBefore).some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(
      true,
    );
  });
});
