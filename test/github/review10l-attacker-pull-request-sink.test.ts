/**
 * Attacker pass (review #10l) on the pull request and the dispatch issue as sinks
 * (src/github/publish-pull-request.ts, core/naming/change-names.ts,
 * pipeline/events/open-dispatch-issue.ts): a requester pastes a token into the issue title (the request's
 * `task_name`: "Call the billing API with ghp_…"). The prompt to the model, the status comment and
 * the mirrors redact it; the pull request's title and its commit message (pushed into the
 * repository's history, where it cannot be taken back) are built from `task_name` and written as
 * given. A request sent privately (repository_dispatch) is written whole, title and JSON, into a
 * new issue the same way. Every other GitHub sink (comments, check runs, deployment statuses) redacts at the sink.
 * Both faults found are fixed (redacted at the sinks: `publishPullRequest`, `commitToBranch`, the
 * revised PR's `pulls.update`, `openDispatchIssue`); each is now an ordinary test.
 */
import { changeNamesFor } from '../../src/core/naming/change-names.js';
import { checkParsedRequest } from '../../src/core/request/check-parsed-request.js';
import { parseIssueRequest } from '../../src/core/request/parse-issue-request.js';
import { openDispatchIssue } from '../../src/pipeline/events/open-dispatch-issue.js';
import { publishPullRequest, type PullRequestClient } from '../../src/github/publish-pull-request.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

function capturingClient() {
  const sent: { title?: string; body?: string; message?: string } = {};
  const client: PullRequestClient = {
    git: {
      getRef: async (p: { ref: string }) =>
        p.ref === 'heads/main'
          ? { data: { object: { sha: 'b'.repeat(40) } } }
          : Promise.reject(Object.assign(new Error('Not Found'), { status: 404 })),
      getCommit: async () => ({ data: { tree: { sha: 't'.repeat(40) } } }),
      createTree: async () => ({ data: { sha: 'u'.repeat(40) } }),
      createCommit: async (p: { message: string }) => (
        (sent.message = p.message),
        { data: { sha: 'c'.repeat(40) } }
      ),
      createRef: async () => ({}),
      updateRef: async () => ({}),
    },
    pulls: {
      create: async (p: { title: string; body: string }) => (
        (sent.title = p.title),
        (sent.body = p.body),
        { data: { number: 12, html_url: 'https://github.com/acme/shop/pull/12' } }
      ),
      list: async () => ({ data: [] }),
      update: async () => ({}),
    },
    issues: { addLabels: async () => ({}) },
  } as unknown as PullRequestClient;
  return { client, sent };
}

describe('review10l attacker: a token in the request reaches the pull request', () => {
  const named = changeNamesFor({
    request: {
      execution_request: {
        task_name: `Call the billing API with ${TOKEN}`,
        task_type: 'application',
      },
    } as Parameters<typeof changeNamesFor>[0]['request'],
    issueNumber: 7,
  });

  it('the pull request title, body and commit message are redacted at the sink', async () => {
    const names = await named;
    const { client, sent } = capturingClient();
    await publishPullRequest({
      client,
      owner: 'acme',
      repo: 'shop',
      baseBranch: 'main',
      branch: names.branch,
      files: [],
      commitMessage: names.commitMessage,
      title: names.title,
      body: `Requested: ${TOKEN}`,
      labels: [],
    });
    expect(sent.title).toBeDefined();
    expect(`${sent.title}\n${sent.message}\n${sent.body}`).not.toContain(TOKEN);
  });

  it('the branch name does not carry the token as written (slugged to lowercase)', async () => {
    expect((await named).branch).not.toContain(TOKEN);
  });
});

describe('review10l attacker: a dispatched request is written into a new issue', () => {
  it('the dispatch issue’s title and its request JSON are redacted, and the block still reads back as the request', async () => {
    const sent: { title?: string; body?: string } = {};
    const client = {
      issues: {
        create: async (p: { title: string; body: string }) => (
          (sent.title = p.title),
          (sent.body = p.body),
          { data: { number: 7, html_url: 'https://github.com/acme/shop/issues/7' } }
        ),
        getComment: async () => ({ data: {} }),
      },
      reactions: { createForIssueComment: async () => ({}) },
    } as unknown as Parameters<typeof openDispatchIssue>[0]['client'];
    await openDispatchIssue({
      client,
      repository: { owner: 'acme', repo: 'shop' } as Parameters<typeof openDispatchIssue>[0]['repository'],
      request: {
        execution_request: {
          task_name: `Sync with ${TOKEN}`,
          task_type: 'application',
          execution_mode: 'guided',
          target_environment: 'staging',
          description: `Call the API with the token ${TOKEN}.`,
        },
      } as unknown as Parameters<typeof openDispatchIssue>[0]['request'],
      requester: 'octocat',
      requestId: 'req-1',
    });
    expect(sent.body).toBeDefined();
    expect(`${sent.title}\n${sent.body}`).not.toContain(TOKEN);
    // A later run (`/retry`, an approved hold) reads the request back from the issue's block.
    const read = checkParsedRequest(parseIssueRequest(sent.body));
    expect(read.ok && read.payload.execution_request.description).toMatch(
      /^Call the API with the token \[REDACTED:[a-z-]+\]\.$/,
    );
  });
});
