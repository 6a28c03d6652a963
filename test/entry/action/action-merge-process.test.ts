import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { markerKeysFrom } from '../../../src/core/state/marker-keys.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

// The Action with an App's token (`actions/create-github-app-token`): its merges and deployments
// start workflows, which a workflow's GITHUB_TOKEN would not.
const TOKEN = 'ghs_mergeProcessAppToken789';
const SECRET = 'merge-process-marker-secret';
const APP = 'implementation-agent[bot]';
const BRANCH = 'implementation/1-orders-api';
// The webhooks-examples pull request #2's head.
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const TEMPLATE = 'services/orders-api/template.yaml';

type Fake = Awaited<ReturnType<typeof startGitHubFake>>;

/** An automated, low-risk task whose PR #2 is open on its branch, as a run of the Action left it. */
const task = (state: TaskMarker['state']): TaskMarker => ({
  task_id: 'Codertocat/Hello-World#1',
  state,
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: 2,
  template_path: TEMPLATE,
  environment: 'staging',
  requester: 'requester-dev',
  effective_mode: 'automated',
  risk_level: 'low',
  // The run's own commit, the head the agent validated: merge-when-green merges only that head.
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  updated_at: '2026-11-24T09:00:00.000Z',
});

/** The task's status comment on issue #1, written and signed as the Action writes it. */
function seedStatus(fake: Fake, marker: TaskMarker) {
  const keys = markerKeysFrom({ secret: SECRET });
  fake.comments.push({
    id: 500,
    issue_number: 1,
    user: { login: APP, type: 'Bot' },
    body: renderStatusComment({ marker, ...(keys === undefined ? {} : { signingKey: keys.current }) }),
  });
}

const run = (fake: Fake, eventName: string, payload: unknown) =>
  runAction({ apiUrl: fake.url, eventName, payload, inputs: { token: TOKEN, 'marker-secret': SECRET } });

const taskState = (fake: Fake) =>
  readStateMarker(fake.comments.find((comment) => comment.id === 500)?.body ?? '')?.marker.state;
/** The agent's own passing validation check on the head (made by its App): the head it validated. */
const validateHead = (fake: Fake) =>
  fake.ciRuns.push({
    head_sha: HEAD,
    name: 'implementation-agent',
    status: 'completed',
    conclusion: 'success',
    app: { slug: 'implementation-agent' },
  });
const replies = (fake: Fake) => fake.comments.filter((comment) => comment.issue_number === 2);

describe('the built Action, automated mode: merges deploy, and green PRs merge', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      tokenLogin: APP,
      deploymentCreator: APP,
      permissions: { maintainer: 'write', 'requester-dev': 'write' },
      pulls: [{ number: 2, head: { sha: HEAD, ref: BRANCH } }],
    });
  });
  afterEach(() => fake.close());

  it('a real merged `pull_request.closed` creates the signed deployment of the merge commit, for whoever merged', async () => {
    seedStatus(fake, task('pr_open'));
    validateHead(fake);
    const mergeSha = 'f'.repeat(40);
    Object.assign(fake.pulls[0] ?? {}, {
      state: 'closed',
      merged: true,
      merged_at: '2026-11-24T09:30:00Z',
      merged_by: { login: 'maintainer' },
      merge_commit_sha: mergeSha,
    });
    const closed = webhookExample('pull_request', 'closed');
    closed.pull_request.head.ref = BRANCH;
    closed.pull_request.merged = true;

    const merged = await run(fake, 'pull_request', closed);

    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.outputs.status).toBe('deployment_created');
    expect(fake.deployments).toEqual([
      expect.objectContaining({
        sha: mergeSha,
        environment: 'staging',
        creator: expect.objectContaining({ login: APP }),
        payload: expect.objectContaining({
          merge_of: 2,
          requested_by: 'maintainer',
          checked_sha: mergeSha,
          signature: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      }),
    ]);
    expect(taskState(fake)).toBe('merged');
    expect(replies(fake).map((comment) => comment.body)).toEqual([
      expect.stringContaining('Merged in automated mode. 🚀 Deploying `fffffff` (PR #2) to **staging**'),
    ]);

    // The same merge run again (a re-run, a redelivery): nothing more.
    const again = await run(fake, 'pull_request', closed);
    expect(again.code).toBe(0);
    expect(fake.deployments).toHaveLength(1);
    expect(replies(fake)).toHaveLength(1);
  });

  it('a merged head the agent never validated (a person’s push) is not deployed: the answer points to /deploy', async () => {
    seedStatus(fake, task('pr_open'));
    Object.assign(fake.pulls[0] ?? {}, {
      state: 'closed',
      merged: true,
      merged_at: '2026-11-24T09:30:00Z',
      merged_by: { login: 'maintainer' },
      merge_commit_sha: 'f'.repeat(40),
    });
    const closed = webhookExample('pull_request', 'closed');
    closed.pull_request.head.ref = BRANCH;
    closed.pull_request.merged = true;

    const merged = await run(fake, 'pull_request', closed);

    expect(merged.code).toBe(0);
    expect(merged.outputs.status).toBe('refused');
    expect(fake.deployments).toEqual([]);
    expect(replies(fake).map((comment) => comment.body)).toEqual([
      expect.stringContaining(`implementation-agent never validated ${HEAD.slice(0, 7)}`),
    ]);
    expect(replies(fake)[0]?.body).toContain('`/deploy <environment>`');
  });

  it('a real `check_suite` completed success merges the green PR at its judged head, then deploys it for the requester', async () => {
    seedStatus(fake, task('pr_open'));
    // CI passed on the head, and so did the agent's own validation (made by its App).
    fake.ciRuns.push(
      { head_sha: HEAD, name: 'build', status: 'completed', conclusion: 'success' },
      {
        head_sha: HEAD,
        name: 'implementation-agent',
        status: 'completed',
        conclusion: 'success',
        app: { slug: 'implementation-agent' },
      },
    );
    const suite = webhookExample('check_suite', 'completed');
    suite.check_suite.head_sha = HEAD;

    const green = await run(fake, 'check_suite', suite);

    expect(green.stderr).toBe('');
    expect(green.code).toBe(0);
    const merges = fake.requests.filter(
      (request) => request.method === 'PUT' && request.path.endsWith('/merge'),
    );
    expect(merges).toEqual([expect.objectContaining({ body: { sha: HEAD, merge_method: 'squash' } })]);
    expect(taskState(fake)).toBe('merged');
    expect(green.outputs.status).toBe('deployment_created');
    const mergeSha = fake.pulls[0]?.merge_commit_sha;
    expect(fake.deployments).toEqual([
      expect.objectContaining({
        sha: mergeSha,
        environment: 'staging',
        payload: expect.objectContaining({ merge_of: 2, requested_by: 'requester-dev', merged_by: APP }),
      }),
    ]);
    expect(replies(fake).map((comment) => comment.body)).toEqual([
      expect.stringContaining('Merged by the agent for @requester-dev. 🚀 Deploying'),
    ]);

    // The suite's event again: the PR is merged, nothing more happens.
    const again = await run(fake, 'check_suite', suite);
    expect(again.code).toBe(0);
    expect(fake.deployments).toHaveLength(1);
    expect(fake.requests.filter((request) => request.path.endsWith('/merge'))).toHaveLength(1);
  });
  it('auto-merge the agent armed, for a requester who lost write access: refused once, naming why, and a re-run answers nothing more', async () => {
    seedStatus(fake, { ...task('pr_open'), requester: 'former-dev' });
    validateHead(fake);
    // GitHub records an auto-merge as merged by whoever enabled it: the agent's App.
    Object.assign(fake.pulls[0] ?? {}, {
      state: 'closed',
      merged: true,
      merged_at: '2026-11-24T09:30:00Z',
      merged_by: { login: APP },
      merge_commit_sha: 'f'.repeat(40),
    });
    const closed = webhookExample('pull_request', 'closed');
    closed.pull_request.head.ref = BRANCH;
    closed.pull_request.merged = true;

    const refused = await run(fake, 'pull_request', closed);
    const again = await run(fake, 'pull_request', closed);

    expect(refused.stderr).toBe('');
    expect(refused.outputs.status).toBe('refused');
    expect(again.code).toBe(0);
    expect(again.outputs.status).toBe('merged');
    expect(fake.deployments).toEqual([]);
    expect(replies(fake).map((comment) => comment.body)).toEqual([
      expect.stringContaining(
        'implementation-agent merged it for @former-dev, who asked for this task, but @former-dev no longer has write access to Codertocat/Hello-World (GitHub: none)',
      ),
    ]);
  });
});
