import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const BRANCH = 'implementation/1-orders-api';

function formIssue(action: 'opened' | 'labeled') {
  const payload = webhookExample('issues', action);
  payload.issue.body = readExample('orders-api.issue.md');
  payload.issue.labels = [{ name: 'implementation' }];
  if (action === 'labeled') payload.label = { name: 'implementation' };
  return payload;
}

/** Every call from a first run on a new issue, in order, up to the open PR. */
function expectFirstRun(api: ReturnType<typeof githubApi>, issue = 1) {
  api.installationToken(INSTALLATION_ID);
  api.config(undefined);
  api.comments(issue);
  api.permission('Codertocat', 'admin');
  api.createComment(issue, 900);
  api.missingBranch(BRANCH);
  api.branch('master', 'base-sha');
  api.commit('base-sha');
  api.createTree();
  api.createCommit('head-sha');
  api.createRef();
  api.listPulls([]);
  api.createPull(42);
  api.addLabels(42);
  api.checkRun();
  api.approvalCheck();
  api.updateComment(900);
}

describe('Probot app: an issue from the request form becomes a pull request', () => {
  it('makes exactly the expected GitHub calls, in order', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectFirstRun(api);
    const { receive, errors } = await testProbot();

    await receive('issues', formIssue('opened'));

    expect(errors).toEqual([]);
    expect(api.callLines()).toEqual([
      'POST /app/installations/2/access_tokens',
      'GET /repos/Codertocat/Hello-World/contents/.github/implementation-agent.yml',
      'GET /repos/Codertocat/Hello-World/issues/1/comments',
      'GET /repos/Codertocat/Hello-World/collaborators/Codertocat/permission',
      'POST /repos/Codertocat/Hello-World/issues/1/comments',
      // The created status comment is checked by listing the issue's boards (two runs may each create one).
      'GET /repos/Codertocat/Hello-World/issues/1/comments',
      `GET /repos/Codertocat/Hello-World/git/ref/heads/${BRANCH}`,
      'GET /repos/Codertocat/Hello-World/git/ref/heads/master',
      'GET /repos/Codertocat/Hello-World/git/commits/base-sha',
      'POST /repos/Codertocat/Hello-World/git/trees',
      'POST /repos/Codertocat/Hello-World/git/commits',
      'POST /repos/Codertocat/Hello-World/git/refs',
      'GET /repos/Codertocat/Hello-World/pulls',
      'POST /repos/Codertocat/Hello-World/pulls',
      'POST /repos/Codertocat/Hello-World/issues/42/labels',
      'POST /repos/Codertocat/Hello-World/check-runs',
      'POST /repos/Codertocat/Hello-World/check-runs',
      // The comment read just before the edit (another run may have written it meanwhile), conditional
      // on the ETag of the board's create: unchanged, GitHub answers 304 (no rate limit spent).
      'GET /repos/Codertocat/Hello-World/issues/comments/900',
      'PATCH /repos/Codertocat/Hello-World/issues/comments/900',
      // The edit read back at once and after the settle delay, conditional on its ETag: 304s.
      'GET /repos/Codertocat/Hello-World/issues/comments/900',
      'GET /repos/Codertocat/Hello-World/issues/comments/900',
    ]);
    expect(api.readBacks).toEqual([
      { commentId: 900, status: 304 },
      { commentId: 900, status: 304 },
      { commentId: 900, status: 304 },
    ]);
    expect(api.scope.isDone()).toBe(true);
  });

  it('sends the generated files in one tree, opens the PR against the default branch and reports the gates', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectFirstRun(api);
    const { receive } = await testProbot();

    await receive('issues', formIssue('opened'));

    const body = (method: string, path: string) =>
      api.calls.find((c) => c.method === method && c.path.startsWith(path))?.body;
    const tree = body('POST', `/repos/${OWNER}/${REPO}/git/trees`);
    expect(tree.base_tree).toBe('tree-of-base-sha');
    expect(tree.tree.map((entry: { path: string }) => entry.path)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/README.md$/),
        expect.stringMatching(/\.ya?ml$/),
        expect.stringMatching(/\.test\.ts$/),
      ]),
    );
    expect(body('POST', `/repos/${OWNER}/${REPO}/git/refs`)).toEqual({
      ref: `refs/heads/${BRANCH}`,
      sha: 'head-sha',
    });
    const pull = body('POST', `/repos/${OWNER}/${REPO}/pulls`);
    expect(pull).toMatchObject({
      head: BRANCH,
      base: 'master',
      title: 'Orders API: application implementation',
    });
    expect(pull.body).toContain('Closes #1');
    expect(body('POST', `/repos/${OWNER}/${REPO}/issues/42/labels`)).toEqual({
      labels: ['implementation', 'task:application', 'mode:guided'],
    });
    expect(body('POST', `/repos/${OWNER}/${REPO}/check-runs`)).toMatchObject({
      name: 'implementation-agent',
      head_sha: 'head-sha',
      status: 'completed',
      conclusion: 'success',
    });
    // Guided mode's checkpoint: pending on the new head until someone with write access approves.
    const approval = api.calls.filter((c) => c.path.endsWith('/check-runs'))[1]?.body;
    expect(approval).toMatchObject({
      name: 'implementation-agent/approval',
      head_sha: 'head-sha',
      status: 'in_progress',
      output: { title: 'Waiting for an approving review' },
    });
    expect(approval.conclusion).toBeUndefined();
    expect(approval.output.summary).toContain('write, maintain or admin permission approves `head-sh`');
    const generating = body('POST', `/repos/${OWNER}/${REPO}/issues/1/comments`).body as string;
    expect(generating).toContain('Generating');
    expect(generating).toContain('"state":"generating"');
    const final = body('PATCH', `/repos/${OWNER}/${REPO}/issues/comments/900`).body as string;
    expect(final).toContain('Pull request open for review');
    expect(final).toContain('"state":"pr_open"');
    expect(final).toContain('"pull_number":42');
  });
});

describe('Probot app: the implementation label', () => {
  it('starts a task when the label is added to an issue holding a request', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectFirstRun(api);
    api.issueEdits(1);
    const { receive, errors } = await testProbot();

    await receive('issues', formIssue('labeled'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.callLines()).toContain('POST /repos/Codertocat/Hello-World/pulls');
  });

  it('does not start a second task when the form labels an issue it already opened', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.config(undefined);
    api.comments(1, [
      agentStatusComment({
        marker: {
          task_id: 'Codertocat/Hello-World#1',
          state: 'generating',
          attempt: 1,
          cost_usd: 0,
          updated_at: '2026-11-24T10:00:00Z',
        },
      }),
    ]);
    const { receive, errors } = await testProbot();

    await receive('issues', formIssue('labeled'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.every((call) => call.method === 'GET' || call.path.includes('access_tokens'))).toBe(
      true,
    );
  });
});
