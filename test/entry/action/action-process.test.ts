import { readExample, webhookExample } from '../../fixtures/webhook-payloads.js';
import { OUTCOME_RESULT_VERSION } from '../../../src/core/outcome/outcome-result.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_processTestToken123';

describe('the built Action (dist/index.js) run as a process against a GitHub fake on loopback', () => {
  let fake: Awaited<ReturnType<typeof startGitHubFake>>;
  beforeEach(async () => {
    fake = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      permissions: { Codertocat: 'admin' },
    });
  });
  afterEach(() => fake.close());

  it('turns an issue from the request form into a pull request and sets its outputs', async () => {
    const payload = webhookExample('issues', 'opened');
    payload.issue.body = readExample('orders-api.issue.md');
    payload.issue.labels = [{ name: 'implementation' }];

    const run = await runAction({ apiUrl: fake.url, eventName: 'issues', payload, inputs: { token: TOKEN } });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'pr_open',
      // The task id spells the repository in lower case (one key across a case-only rename).
      'task-id': 'codertocat/hello-world#1',
      'issue-number': '1',
      'pull-number': '101',
      'cost-usd': '0.0000',
    });
    expect(JSON.parse(run.outputs.result ?? '{}')).toMatchObject({
      version: OUTCOME_RESULT_VERSION,
      status: 'pr_open',
      pullNumber: 101,
    });
    expect(fake.pulls).toEqual([
      expect.objectContaining({
        head: 'implementation/1-orders-api',
        base: 'master',
        title: 'Orders API: application implementation',
      }),
    ]);
    expect(fake.refs.get('heads/implementation/1-orders-api')).toMatch(/^commit-/);
    expect(fake.checkRuns).toEqual([
      expect.objectContaining({ name: 'implementation-agent', conclusion: 'success' }),
      expect.objectContaining({ name: 'implementation-agent/approval', status: 'in_progress' }),
    ]);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toContain('"state":"pr_open"');
    expect(run.summary).toContain('Pull request #101 opened');
    expect(fake.requests.every((request) => request.authorization === `token ${TOKEN}`)).toBe(true);
    expect(run.stdout.replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN);
  });

  it('opens an issue for a workflow_dispatch request, then the pull request that closes it', async () => {
    const payload = {
      inputs: { request: readExample('orders-api.request.json') },
      ref: 'refs/heads/master',
      repository: webhookExample('issues', 'opened').repository,
      sender: { login: 'Codertocat', type: 'User' },
      workflow: '.github/workflows/implementation-agent.yml',
    };

    const run = await runAction({
      apiUrl: fake.url,
      eventName: 'workflow_dispatch',
      payload,
      inputs: { token: TOKEN },
    });

    expect(run.code).toBe(0);
    expect(fake.issues).toEqual([
      expect.objectContaining({ number: 1, title: '[Implementation]: Orders API' }),
    ]);
    expect(fake.pulls[0]?.body).toContain('Closes #1');
    expect(run.outputs.status).toBe('pr_open');
  });

  it('fails the step with every field error for a bad dispatched request, writing nothing', async () => {
    const payload = {
      inputs: { request: '{"execution_request": {"task_type": "mainframe"}}' },
      repository: webhookExample('issues', 'opened').repository,
      sender: { login: 'Codertocat', type: 'User' },
    };

    const run = await runAction({
      apiUrl: fake.url,
      eventName: 'workflow_dispatch',
      payload,
      inputs: { token: TOKEN },
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::');
    expect(run.stdout).toContain('task_type');
    expect(run.stdout).toContain('task_name');
    expect(run.outputs.status).toBe('invalid_request');
    expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('rejects a bad input before calling GitHub, saying which input and why', async () => {
    const run = await runAction({
      apiUrl: fake.url,
      eventName: 'issues',
      payload: webhookExample('issues', 'opened'),
      inputs: { token: TOKEN, provider: 'gpt', region: 'sydney' },
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Invalid inputs for implementation-agent');
    expect(run.stdout).toContain('provider');
    expect(run.stdout).toContain('must be an AWS region such as ap-southeast-2');
    expect(fake.requests).toEqual([]);
  });

  it('retries a transient GitHub error instead of failing the task', async () => {
    await fake.close();
    fake = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      permissions: { Codertocat: 'admin' },
      failOnce: 'POST /check-runs',
    });
    const payload = webhookExample('issues', 'opened');
    payload.issue.body = readExample('orders-api.issue.md');
    payload.issue.labels = [{ name: 'implementation' }];

    const run = await runAction({ apiUrl: fake.url, eventName: 'issues', payload, inputs: { token: TOKEN } });

    expect(run.code).toBe(0);
    // The validation check's POST failed once and was retried; then the approval check's.
    expect(fake.requests.filter((request) => request.path.endsWith('/check-runs'))).toHaveLength(3);
    expect(fake.checkRuns).toHaveLength(2);
    expect(run.outputs.status).toBe('pr_open');
  });

  it('ignores an event it does not handle and succeeds', async () => {
    const run = await runAction({
      apiUrl: fake.url,
      eventName: 'push',
      payload: {},
      inputs: { token: TOKEN },
    });

    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('ignored');
    expect(fake.requests).toEqual([]);
  });
});
