import nock from 'nock';

/**
 * nock interceptors for the GitHub REST endpoints the app calls, one helper per endpoint, each
 * recording the request bodies it saw so tests can assert what was sent.
 */
export const API = 'https://api.github.com';

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON request bodies
}

export function githubApi(params: { owner: string; repo: string }) {
  const calls: RecordedCall[] = [];
  const scope = nock(API);
  const base = `/repos/${params.owner}/${params.repo}`;
  scope.on('request', (request: { method: string; path: string }, _interceptor: unknown, body: string) => {
    calls.push({
      method: request.method,
      path: decodeURIComponent(request.path),
      body: body ? JSON.parse(body) : undefined,
    });
  });

  return {
    scope,
    calls,
    /** `METHOD path` for every call, in order, without query strings. */
    callLines: () => calls.map((call) => `${call.method} ${call.path.split('?')[0]}`),
    installationToken: (installationId: number) =>
      scope
        .post(`/app/installations/${installationId}/access_tokens`)
        .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {} }),
    config: (yaml: string | undefined) =>
      scope
        .get(`${base}/contents/${encodeURIComponent('.github/implementation-agent.yml')}`)
        .reply(
          yaml === undefined ? 404 : 200,
          yaml === undefined
            ? { message: 'Not Found' }
            : { type: 'file', encoding: 'base64', content: Buffer.from(yaml).toString('base64') },
        ),
    comments: (issueNumber: number, comments: unknown[] = []) =>
      scope
        .get(`${base}/issues/${issueNumber}/comments`)
        .query({ per_page: 100, page: 1 })
        .reply(200, comments),
    permission: (username: string, role: string) =>
      scope.get(`${base}/collaborators/${username}/permission`).reply(200, {
        permission: role === 'maintain' ? 'write' : role,
        role_name: role,
        user: { login: username },
      }),
    createComment: (issueNumber: number, id: number) =>
      scope.post(`${base}/issues/${issueNumber}/comments`).reply(201, { id }),
    updateComment: (id: number) => scope.patch(`${base}/issues/comments/${id}`).reply(200, { id }),
    reaction: (commentId: number) =>
      scope.post(`${base}/issues/comments/${commentId}/reactions`).reply(201, { id: 1, content: 'eyes' }),
    getComment: (commentId: number, body: string) =>
      scope.get(`${base}/issues/comments/${commentId}`).reply(200, { id: commentId, body }),
    createIssue: (number: number) =>
      scope.post(`${base}/issues`).reply(201, {
        number,
        html_url: `https://github.com/${params.owner}/${params.repo}/issues/${number}`,
      }),
    missingBranch: (branch: string) =>
      scope
        .get(`${base}/git/ref/${encodeURIComponent(`heads/${branch}`)}`)
        .reply(404, { message: 'Not Found' }),
    branch: (branch: string, sha: string) =>
      scope.get(`${base}/git/ref/${encodeURIComponent(`heads/${branch}`)}`).reply(200, { object: { sha } }),
    commit: (sha: string) =>
      scope.get(`${base}/git/commits/${sha}`).reply(200, { sha, tree: { sha: `tree-of-${sha}` } }),
    createTree: () => scope.post(`${base}/git/trees`).reply(201, { sha: 'new-tree-sha' }),
    createCommit: (sha: string) => scope.post(`${base}/git/commits`).reply(201, { sha }),
    createRef: () => scope.post(`${base}/git/refs`).reply(201, {}),
    updateRef: (branch: string) =>
      scope.patch(`${base}/git/refs/${encodeURIComponent(`heads/${branch}`)}`).reply(200, {}),
    listPulls: (pulls: Array<{ number: number }>) =>
      scope
        .get(`${base}/pulls`)
        .query(true)
        .reply(
          200,
          pulls.map((pull) => ({
            ...pull,
            html_url: `https://github.com/${params.owner}/${params.repo}/pull/${pull.number}`,
          })),
        ),
    createPull: (number: number) =>
      scope
        .post(`${base}/pulls`)
        .reply(201, { number, html_url: `https://github.com/${params.owner}/${params.repo}/pull/${number}` }),
    updatePull: (number: number) => scope.patch(`${base}/pulls/${number}`).reply(200, { number }),
    addLabels: (issueNumber: number) => scope.post(`${base}/issues/${issueNumber}/labels`).reply(200, []),
    checkRun: () => scope.post(`${base}/check-runs`).reply(201, { id: 77 }),
    getPull: (pull: { number: number; headSha: string; headRef: string; merged?: boolean }) =>
      scope.get(`${base}/pulls/${pull.number}`).reply(200, {
        number: pull.number,
        state: pull.merged ? 'closed' : 'open',
        merged: pull.merged ?? false,
        merge_commit_sha: pull.merged ? 'f'.repeat(40) : null,
        head: { sha: pull.headSha, ref: pull.headRef },
        base: { ref: 'master' },
      }),
    reviews: (pullNumber: number, reviews: Array<{ login: string; state: string; commit_id: string }>) =>
      scope
        .get(`${base}/pulls/${pullNumber}/reviews`)
        .query(true)
        .reply(
          200,
          reviews.map((review, index) => ({
            id: index + 1,
            user: { login: review.login },
            state: review.state,
            commit_id: review.commit_id,
          })),
        ),
    pullCommits: (pullNumber: number, commits: Array<{ sha: string; date: string }>) =>
      scope
        .get(`${base}/pulls/${pullNumber}/commits`)
        .query(true)
        .reply(
          200,
          commits.map((c) => ({ sha: c.sha, commit: { committer: { date: c.date } } })),
        ),
    checkRunsFor: (sha: string, runs: Array<{ name: string; status: string; conclusion: string | null }>) =>
      scope
        .get(`${base}/commits/${sha}/check-runs`)
        .query(true)
        .reply(200, { total_count: runs.length, check_runs: runs }),
    /** `creator` as GitHub records it: `github-actions[bot]` when a workflow's GITHUB_TOKEN made it. */
    createDeployment: (id: number, creator = 'implementation-agent[bot]') =>
      scope.post(`${base}/deployments`).reply(201, { id, creator: { login: creator, type: 'Bot' } }),
    deploymentStatus: (id: number) =>
      scope.post(`${base}/deployments/${id}/statuses`).reply(201, { id: id * 10, state: 'error' }),
    dispatch: () => scope.post(`${base}/dispatches`).reply(204),
    teamMembership: (org: string, team: string, username: string, state: 'active' | 404) =>
      scope
        .get(`/orgs/${org}/teams/${team}/memberships/${username}`)
        .reply(
          state === 404 ? 404 : 200,
          state === 404 ? { message: 'Not Found' } : { state, role: 'member' },
        ),
    compare: (
      basehead: string,
      answer: { status: string; files?: Array<{ filename: string; status: string }> },
    ) => scope.get(`${base}/compare/${basehead}`).query(true).reply(200, answer),
    tree: (sha: string, entries: Array<{ path: string; sha: string }>) =>
      scope
        .get(`${base}/git/trees/${sha}`)
        .query({ recursive: 'true' })
        .reply(200, { sha, tree: entries.map((entry) => ({ ...entry, mode: '100644', type: 'blob' })) }),
    deployments: (
      filter: string | { sha: string },
      deployments: Array<{
        id: number;
        sha: string;
        created_at: string;
        payload: unknown;
        states: string[];
        environment?: string;
      }>,
      perPage = 20,
    ) => {
      const environment = typeof filter === 'string' ? filter : undefined;
      scope
        .get(`${base}/deployments`)
        .query({ ...(typeof filter === 'string' ? { environment: filter } : filter), per_page: perPage })
        .reply(
          200,
          deployments.map((d) => ({
            id: d.id,
            sha: d.sha,
            ref: d.sha,
            environment: d.environment ?? environment,
            created_at: d.created_at,
            creator: { login: 'implementation-agent[bot]' },
            payload: d.payload,
          })),
        );
      for (const d of deployments) {
        scope
          .get(`${base}/deployments/${d.id}/statuses`)
          .query(true)
          .reply(
            200,
            d.states.map((state, index) => ({ id: d.id * 10 + index, state, created_at: d.created_at })),
          );
      }
    },
  };
}
