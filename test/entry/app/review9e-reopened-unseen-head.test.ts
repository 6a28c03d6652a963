import nock from 'nock';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { FAKE_AWS_ACCESS_KEY_ID } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { issueComment } from '../../fixtures/trigger-events.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { API } from './github-api.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

// Review #9e, the same kind as a run over an unseen push: a push to the task's branch while its pull
// request is closed starts no `synchronize` delivery; the reopen (`pull_request.reopened`) then
// names a head the agent never saw. The sync moved the task back to `pr_open` and, automated, left
// GitHub's auto-merge to merge the person's commit on green checks — nobody validated nor
// risk-classified it. Right (DESIGN §4, §5b): the reopen compares the head with the agent's recorded
// commit (`unvalidatedHead`); a head that is not it is handled as a person's push — the task falls
// back to guided, auto-merge is turned off, the head is recorded as `unvalidated_push` (so a re-run
// stays guided) and the status and the pull request say why.

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

const HUMAN_SHA = 'e'.repeat(40);
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
                number: 101,
                autoMergeRequest: { enabledAt: '2026-11-29T13:00:00Z', mergeMethod: 'SQUASH' },
              },
            },
          },
        };
      if (query.includes('disablePullRequestAutoMerge'))
        return { data: { disablePullRequestAutoMerge: { pullRequest: { number: 101 } } } };
      if (/viewer\s*\{\s*login\s*\}/.test(query))
        return { data: { viewer: { login: 'implementation-agent[bot]' } } };
      return { data: { repository: { pullRequest: { id: 'PR_kwDOABCD42' } } } };
    });
  return { fake, queries };
}

type Fake = ReturnType<typeof githubFakeBehindNock>;
const statusOf = (fake: Fake) =>
  fake.comments.find(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  )!.body;

/** The real `pull_request` payload for `action` on the task's pull request, its head as GitHub names it. */
function pullRequestEvent(action: 'closed' | 'reopened', pullNumber: number, headSha: string) {
  const payload = webhookExample('pull_request', action);
  payload.number = pullNumber;
  payload.pull_request.number = pullNumber;
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = headSha;
  payload.pull_request.merged = false;
  payload.pull_request.state = action === 'closed' ? 'closed' : 'open';
  return payload;
}

/** An automated task's pull request opened, closed unmerged (the task cancelled by the close). */
async function openedThenClosed() {
  const bodies: Record<number, string> = { 1: requestBody('As a customer I can place an order') };
  const { fake, queries } = setUp(bodies);
  const app = await testProbot({ providerFor: () => lowRisk() });
  const opened = webhookExample('issues', 'opened');
  opened.issue.body = bodies[1]!;
  opened.issue.labels = [{ name: 'implementation' }];
  await app.receive('issues', opened);
  const first = parseStateMarker(statusOf(fake))!;
  expect(first).toMatchObject({ effective_mode: 'automated', state: 'pr_open' });
  const pull = fake.pulls.find((candidate) => candidate.number === first.pull_number)!;
  const agentHead = first.last_push!.sha;
  pull.state = 'closed';
  await app.receive('pull_request', pullRequestEvent('closed', pull.number, agentHead));
  expect(parseStateMarker(statusOf(fake))).toMatchObject({ state: 'cancelled', cancelled_by_close: true });
  return { fake, queries, app, bodies, pull, agentHead };
}

afterEach(() => {
  nock.cleanAll();
});

describe('review #9e: a pull request reopened with a head the agent never saw', () => {
  it('FAULT: a push made while the pull request was closed, then reopened: the task went back to automated over it (reopen with an unseen head)', async () => {
    const { fake, queries, app, pull } = await openedThenClosed();
    // Someone pushes to the branch while the pull request is closed (no synchronize), then reopens it.
    fake.refs.set(`heads/${BRANCH}`, HUMAN_SHA);
    fake.pullFiles[pull.number] = {
      [TEMPLATE_PATH]: LOW_RISK_TEMPLATE('OrdersTable1'),
      'src/config.ts': `export const key = '${FAKE_AWS_ACCESS_KEY_ID}';\n`,
    };
    pull.state = 'open';
    const queriesBefore = queries.length;
    await app.receive('pull_request', pullRequestEvent('reopened', pull.number, HUMAN_SHA));
    expect(app.errors).toEqual([]);

    const status = statusOf(fake);
    expect(parseStateMarker(status)).toMatchObject({
      state: 'pr_open',
      effective_mode: 'guided',
      unvalidated_push: HUMAN_SHA,
    });
    const since = queries.slice(queriesBefore);
    expect(since.some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(false);
    expect(since.some((query) => query.includes('disablePullRequestAutoMerge'))).toBe(true);
    // Said where people look: the status comment and the pull request.
    expect(status).toContain('Automated mode fell back to guided');
    expect(status).toContain(`\`${HUMAN_SHA.slice(0, 7)}\``);
    expect(status).toContain('no event ever told implementation-agent of');
    expect(
      fake.comments.some(
        (comment) => comment.issue_number === pull.number && comment.body.includes('fell back to guided'),
      ),
    ).toBe(true);
    // The approval check waits on the person's head.
    expect(
      fake.checkRuns.some(
        (run) => run.name === 'implementation-agent/approval' && run.head_sha === HUMAN_SHA,
      ),
    ).toBe(true);
  });

  it('a re-run after that reopen stays guided and arms nothing: the push is under its commit', async () => {
    const { fake, queries, app, pull, bodies } = await openedThenClosed();
    fake.refs.set(`heads/${BRANCH}`, HUMAN_SHA);
    pull.state = 'open';
    await app.receive('pull_request', pullRequestEvent('reopened', pull.number, HUMAN_SHA));
    const queriesBefore = queries.length;
    bodies[1] = requestBody('As a customer I can place and cancel an order');
    const comment = issueComment('/implement');
    comment.issue.body = bodies[1];
    comment.comment.id = 5601;
    await app.receive('issue_comment', comment);
    expect(app.errors).toEqual([]);

    const marker = parseStateMarker(statusOf(fake));
    expect(marker).toMatchObject({ state: 'pr_open', effective_mode: 'guided', unvalidated_push: HUMAN_SHA });
    expect(marker?.last_push?.sha).not.toBe(HUMAN_SHA);
    expect(queries.slice(queriesBefore).some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(
      false,
    );
  });

  it('control: reopened at the agent’s own head, the task is back to pr_open and still automated', async () => {
    const { fake, queries, app, pull, agentHead } = await openedThenClosed();
    pull.state = 'open';
    const queriesBefore = queries.length;
    await app.receive('pull_request', pullRequestEvent('reopened', pull.number, agentHead));
    expect(app.errors).toEqual([]);

    const status = statusOf(fake);
    expect(parseStateMarker(status)).toMatchObject({ state: 'pr_open', effective_mode: 'automated' });
    expect(parseStateMarker(status)?.unvalidated_push).toBeUndefined();
    expect(status).not.toContain('fell back to guided');
    expect(queries.slice(queriesBefore).some((query) => query.includes('disablePullRequestAutoMerge'))).toBe(
      false,
    );
  });
});
