import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { agentAppSlugOf } from '../../src/core/checks/agent-checks.js';

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON request bodies
  readonly authorization: string | undefined;
}

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
  /** The issue or pull request it is on; a comment without one shows on every issue. */
  issue_number?: number;
  created_at?: string;
  updated_at?: string;
}

export type GitHubFakeOptions = Parameters<typeof createGitHubFake>[0];

/**
 * A small stateful stand-in for the GitHub REST API on loopback, for running the built Action as
 * a process the way a runner does. It keeps refs, comments, pulls and check runs in memory.
 */
export async function startGitHubFake(
  options: GitHubFakeOptions & {
    /**
     * Called once a request was handled (its effect is in the stand-in's state), before the answer
     * is sent: a promise it returns holds the answer back, to let another process act meanwhile.
     */
    hold?: (request: { method: string; url: string; body: unknown }) => Promise<void> | undefined;
  },
) {
  const fake = createGitHubFake(options);
  const server: Server = createServer(async (request, response) => {
    const handled = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      body: await readJson(request),
      authorization: request.headers.authorization,
    };
    const [status, answer] = fake.handle(handled);
    await options.hold?.(handled);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...fake,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The stand-in's state and request handling without a server, for routing Octokit's requests to it
 * in-process (the app's tests route api.github.com here through nock).
 */
export function createGitHubFake(options: {
  owner: string;
  repo: string;
  defaultBranch: string;
  permissions?: Record<string, string>;
  config?: string;
  /** Files other than the config, by path, served by the contents API at any ref. */
  files?: Record<string, string>;
  /** Pull requests that exist from the start (head is `{ sha, ref }`). */
  pulls?: Array<{ number: number; head: { sha: string; ref: string } }>;
  /** Reviews by pull request number, oldest first, as `GET /pulls/{n}/reviews` lists them. */
  reviews?: Record<number, Array<{ user: { login: string }; state: string; commit_id: string }>>;
  /** `METHOD /path-after-repo` answered once with 502 Bad Gateway, to exercise retries. */
  failOnce?: string;
  /**
   * *Get a repository* by name (`owner/repo` → its id): a renamed repository's former name leads to
   * it, as GitHub's redirect does; names match in any case. A name not here is a 404.
   */
  repositoryIds?: Record<string, number>;
  /** `METHOD /path-after-repo` → HTTP status it is always refused with (e.g. a 403 for a missing permission). */
  refuse?: Record<string, number>;
  /** Who GitHub records as the creator of deployments made through this fake: the token's identity. */
  deploymentCreator?: string;
  /**
   * The account the token acts as: the author of comments and issues written through this fake and
   * GraphQL's `viewer` (default `github-actions[bot]`, a workflow's GITHUB_TOKEN).
   */
  tokenLogin?: string;
  /** GitHub's clock, for the times it stamps on what is created (real time by default). */
  now?: () => Date;
  /** Bodies of issues opened before the test (by number), as `GET /issues/{n}` answers them. */
  issueBodies?: Record<number, string>;
  /** Who opened those issues (by number), as `GET /issues/{n}` names its `user` (default Codertocat, as in the webhook examples). */
  issueAuthors?: Record<number, string>;
  /** Account id → the login GitHub gives it now, as `GET /user/{account_id}` answers (404 for others). */
  accounts?: Record<number, string>;
  /**
   * Who edited each issue's body (by number; login and account id), oldest first, as GraphQL's
   * `userContentEdits` lists them (its first entry, the creation, is the author's); none by
   * default. A string instead is the message of a GraphQL error GitHub answers the history with.
   */
  /** Each issue's body editors in edit order; `null` for a deleted account (GitHub gives no editor), a string for a refusal. */
  issueEditors?: Record<number, ReadonlyArray<{ login: string; id: number } | null> | string>;
}) {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const tokenLogin = options.tokenLogin ?? 'github-actions[bot]';
  const actor = { login: tokenLogin, type: 'Bot' };
  let pendingFailure = options.failOnce;
  const requests: FakeRequest[] = [];
  const refs = new Map<string, string>([[`heads/${options.defaultBranch}`, 'base-sha']]);
  const comments: Comment[] = [];
  const pulls: Array<{
    number: number;
    head: string | { sha: string; ref: string };
    base?: string;
    title?: string;
    body?: string;
    html_url?: string;
    /** `closed` with `merged` false is closed unmerged; tests set these between runs. */
    state?: string;
    merged?: boolean;
    merged_at?: string | null;
    merged_by?: { login: string } | null;
    merge_commit_sha?: string | null;
  }> = [...(options.pulls ?? [])];
  const reviews: Record<
    number,
    Array<{ user: { login: string }; state: string; commit_id: string; body?: string; comments?: unknown }>
  > = options.reviews ?? {};
  /** A pull request's files at its head, by number then path (manual mode's push review reads them). */
  const pullFiles: Record<number, Record<string, string>> = {};
  const deploymentStatuses: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any -- recorded as sent
  const checkRuns: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any -- recorded as sent
  /**
   * Check runs as GitHub lists them for a sha when asked without a name (CI's, and a check another
   * run of the agent made, with the `app` that made it); none by default, as for a sha no CI reported on.
   */
  const ciRuns: Array<{
    head_sha: string;
    name: string;
    status: string;
    conclusion: string | null;
    app?: { slug: string };
  }> = [];
  const issues: Array<{
    number: number;
    title: string;
    body: string;
    labels?: unknown;
    user: { login: string; type: string };
    created_at: string;
  }> = [];
  const deployments: Array<{
    id: number;
    sha: string;
    environment: string;
    payload: unknown;
    creator: unknown;
    created_at: string;
  }> = [];
  /** Commits made through the Git Data API, in order. */
  const commits: Array<{ sha: string; message: string }> = [];
  const reactions: Array<{ commentId: number; content: string }> = [];
  let nextId = 1000;
  const base = `/repos/${options.owner}/${options.repo}`;
  const repository = { id: 1296269, full_name: `${options.owner}/${options.repo}` };

  /** A pull request as GitHub's REST API shows it (`GET /pulls/{n}`, `GET /pulls`). */
  const pullView = (pull: (typeof pulls)[number]) => ({
    state: 'open',
    merged: false,
    merge_commit_sha: null,
    ...pull,
    base: { ref: pull.base ?? options.defaultBranch, repo: repository },
    // GitHub names the head's repository; here the base repository (no fork) unless given.
    // A pull request opened through the fake has its branch's current sha as head.
    head:
      typeof pull.head === 'object'
        ? { repo: repository, ...pull.head }
        : { repo: repository, ref: pull.head, sha: refs.get(`heads/${pull.head}`) },
  });
  type Handler = (match: RegExpMatchArray, body: any, query: URLSearchParams) => [number, unknown]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const routes: Array<[string, RegExp, Handler]> = [
    [
      'GET',
      /^\/contents\/(.+)$/,
      (m) => {
        const text =
          m[1] === '.github/implementation-agent.yml' ? options.config : options.files?.[m[1] ?? ''];
        return text === undefined
          ? [404, { message: 'Not Found' }]
          : [200, { type: 'file', encoding: 'base64', content: Buffer.from(text).toString('base64') }];
      },
    ],
    [
      'POST',
      /^\/deployments\/(\d+)\/statuses$/,
      (m, body) => {
        deploymentStatuses.push({ deploymentId: Number(m[1]), ...body, created_at: now() });
        return [201, { id: nextId++, state: body.state }];
      },
    ],
    [
      'GET',
      /^\/pulls\/(\d+)$/,
      (m) => {
        const pull = pulls.find((p) => p.number === Number(m[1]));
        return pull ? [200, pullView(pull)] : [404, { message: 'Not Found' }];
      },
    ],
    // The open and closed pull requests whose head is the sha (merge-when-green asks).
    [
      'GET',
      /^\/commits\/([^/]+)\/pulls$/,
      (m) => [
        200,
        pulls
          .map((pull) => ({
            pull,
            head:
              typeof pull.head === 'object'
                ? pull.head
                : { ref: pull.head, sha: refs.get(`heads/${pull.head}`) },
          }))
          .filter(({ head }) => head.sha === m[1])
          .map(({ pull, head }) => ({
            number: pull.number,
            state: pull.state ?? 'open',
            head: { ...head, repo: repository },
          })),
      ],
    ],
    // A merge as GitHub makes it: refused with 409 when `sha` is no longer the head; merged by the token.
    [
      'PUT',
      /^\/pulls\/(\d+)\/merge$/,
      (m, body) => {
        const pull = pulls.find((p) => p.number === Number(m[1]));
        if (!pull || (pull.state ?? 'open') !== 'open')
          return [405, { message: 'Pull Request is not mergeable' }];
        const head = typeof pull.head === 'object' ? pull.head.sha : refs.get(`heads/${pull.head}`);
        if (body?.sha !== undefined && body.sha !== head)
          return [409, { message: 'Head branch was modified. Review and try the merge again.' }];
        const sha = (nextId++).toString(16).padStart(40, 'e');
        Object.assign(pull, {
          state: 'closed',
          merged: true,
          merged_at: now(),
          merged_by: { login: tokenLogin },
          merge_commit_sha: sha,
        });
        return [200, { merged: true, sha, message: 'Pull Request successfully merged' }];
      },
    ],
    [
      'GET',
      /^\/pulls\/(\d+)\/reviews$/,
      (m) => [200, (reviews[Number(m[1])] ?? []).map((review, index) => ({ id: index + 1, ...review }))],
    ],
    // Inline review comments: none in these runs (feedback is tested through the app with nock).
    ['GET', /^\/pulls\/(\d+)\/comments$/, () => [200, []]],
    [
      'GET',
      /^\/pulls\/(\d+)\/commits$/,
      (m) => {
        const pull = pulls.find((p) => p.number === Number(m[1]));
        const sha = typeof pull?.head === 'object' ? pull.head.sha : refs.get(`heads/${pull?.head}`);
        return [200, sha ? [{ sha, commit: { committer: { date: '2026-11-24T09:00:00Z' } } }] : []];
      },
    ],
    // Asked by name (the approval check), the runs made through this fake on that sha, newest
    // first; otherwise none, as for a sha no CI has reported on.
    [
      'GET',
      /^\/commits\/([^/]+)\/check-runs$/,
      (m, _body, query) => {
        const name = query.get('check_name');
        const runs =
          name === null
            ? ciRuns
                .filter((run) => run.head_sha === m[1])
                .map((run, index) => ({ id: 9000 + index, ...run }))
            : [...checkRuns]
                .reverse()
                .filter((run) => run.head_sha === m[1] && run.name === name)
                .map((run) => ({ ...run, output: { title: run.output?.title ?? null } }));
        return [200, { total_count: runs.length, check_runs: runs }];
      },
    ],
    // No CI reports statuses here; GitHub answers "pending" with none.
    [
      'GET',
      /^\/commits\/([^/]+)\/status$/,
      (m) => [200, { state: 'pending', sha: m[1], total_count: 0, statuses: [] }],
    ],
    // Every sha reached GitHub (its first check suite) an hour before the tests' comments.
    [
      'GET',
      /^\/commits\/([^/]+)\/check-suites$/,
      (m) => [
        200,
        { total_count: 1, check_suites: [{ id: 1, head_sha: m[1], created_at: '2026-11-24T09:00:00Z' }] },
      ],
    ],
    // No repository activity is recorded; the check suite above proves when a sha arrived.
    ['GET', /^\/activity$/, () => [200, []]],
    // Newest first, as GitHub lists them, filtered as asked, one page of `per_page`.
    [
      'GET',
      /^\/deployments$/,
      (_m, _body, query) => {
        const environment = query.get('environment');
        const sha = query.get('sha');
        const listed = [...deployments]
          .reverse()
          .filter(
            (d) => (environment === null || d.environment === environment) && (sha === null || d.sha === sha),
          )
          .slice(0, Number(query.get('per_page') ?? 30));
        return [200, listed.map((d) => ({ ...d, ref: d.sha }))];
      },
    ],
    [
      'GET',
      /^\/deployments\/(\d+)\/statuses$/,
      (m) => [
        200,
        deploymentStatuses
          .filter((status) => status.deploymentId === Number(m[1]))
          .reverse()
          .map((status, index) => ({ id: index, state: status.state, created_at: status.created_at })),
      ],
    ],
    [
      'POST',
      /^\/deployments$/,
      (_m, body) => {
        const deployment = {
          id: nextId++,
          sha: body.ref,
          environment: body.environment,
          payload: body.payload,
          creator: { login: options.deploymentCreator ?? 'github-actions[bot]', type: 'Bot' },
          created_at: now(),
        };
        deployments.push(deployment);
        return [201, deployment];
      },
    ],
    [
      'GET',
      /^\/collaborators\/([^/]+)\/permission$/,
      (m) => {
        const role = permissionOf(options.permissions, m[1] ?? '');
        return [200, { permission: role === 'maintain' ? 'write' : role, role_name: role }];
      },
    ],
    [
      'GET',
      /^\/issues\/(\d+)\/comments$/,
      (m, _body, query) => {
        const since = query.get('since');
        const onIssue = comments.filter(
          (c) =>
            (c.issue_number === undefined || c.issue_number === Number(m[1])) &&
            (since === null || c.updated_at === undefined || c.updated_at >= since),
        );
        return [200, onIssue];
      },
    ],
    [
      'GET',
      /^\/issues\/comments\/(\d+)$/,
      (m) => {
        const comment = comments.find((c) => c.id === Number(m[1]));
        return comment ? [200, comment] : [404, { message: 'Not Found' }];
      },
    ],
    [
      'POST',
      /^\/issues\/(\d+)\/comments$/,
      (m, body) => {
        const comment = {
          id: nextId++,
          body: body.body,
          user: actor,
          issue_number: Number(m[1]),
          created_at: now(),
          updated_at: now(),
        };
        comments.push(comment);
        return [201, comment];
      },
    ],
    [
      'PATCH',
      /^\/issues\/comments\/(\d+)$/,
      (m, body) => {
        const comment = comments.find((c) => c.id === Number(m[1]));
        if (!comment) return [404, { message: 'Not Found' }];
        comment.body = body.body;
        comment.updated_at = now();
        return [200, comment];
      },
    ],
    [
      'POST',
      /^\/issues\/comments\/(\d+)\/reactions$/,
      (m, body) => {
        // GitHub keeps one reaction of a kind per user: 200 with the existing one after the first.
        const commentId = Number(m[1]);
        const existing = reactions.some((r) => r.commentId === commentId && r.content === body.content);
        if (!existing) reactions.push({ commentId, content: body.content });
        return [existing ? 200 : 201, { id: commentId, content: body.content }];
      },
    ],
    [
      'POST',
      /^\/issues$/,
      (_m, body) => {
        const issue = {
          number: issues.length + 1,
          title: body.title,
          body: body.body,
          labels: body.labels,
          user: actor,
          created_at: now(),
          html_url: `https://github.test/issues/${issues.length + 1}`,
        };
        issues.push(issue);
        return [201, issue];
      },
    ],
    [
      'GET',
      /^\/issues\/(\d+)$/,
      (m) => {
        const number = Number(m[1]);
        const opened = issues.find((issue) => issue.number === number);
        const body = opened?.body ?? options.issueBodies?.[number];
        const user = opened?.user ?? { login: options.issueAuthors?.[number] ?? 'Codertocat', type: 'User' };
        return body === undefined
          ? [404, { message: 'Not Found' }]
          : [200, { number, body, state: 'open', user }];
      },
    ],
    // Newest first when asked so (the only order the agent asks for).
    ['GET', /^\/issues$/, () => [200, [...issues].reverse()]],
    ['POST', /^\/issues\/(\d+)\/labels$/, (_m, body) => [200, body.labels.map((name: string) => ({ name }))]],
    [
      'GET',
      /^\/git\/ref\/(.+)$/,
      (m) => {
        const sha = refs.get(m[1] ?? '');
        return sha ? [200, { ref: `refs/${m[1]}`, object: { sha } }] : [404, { message: 'Not Found' }];
      },
    ],
    ['GET', /^\/git\/commits\/([^/]+)$/, (m) => [200, { sha: m[1], tree: { sha: `tree-${m[1]}` } }]],
    ['POST', /^\/git\/trees$/, (_m, body) => [201, { sha: `tree-${nextId++}`, entries: body.tree.length }]],
    [
      'POST',
      /^\/git\/commits$/,
      (_m, body) => {
        const commit = { sha: `commit-${nextId++}`, message: body.message };
        commits.push(commit);
        return [201, commit];
      },
    ],
    [
      'POST',
      /^\/git\/refs$/,
      (_m, body) => {
        refs.set(String(body.ref).replace(/^refs\//, ''), body.sha);
        return [201, { ref: body.ref, object: { sha: body.sha } }];
      },
    ],
    [
      'PATCH',
      /^\/git\/refs\/(.+)$/,
      (m, body) => {
        refs.set(m[1] ?? '', body.sha);
        return [200, { object: { sha: body.sha } }];
      },
    ],
    [
      'GET',
      /^\/pulls$/,
      (_m, _body, query) => {
        // `head` is `owner:branch`.
        const branch = query.get('head')?.split(':')[1];
        const headOf = (pull: (typeof pulls)[number]) =>
          typeof pull.head === 'object' ? pull.head.ref : pull.head;
        // GitHub lists open pull requests unless `state` says otherwise (`all`, `closed`).
        const state = query.get('state') ?? 'open';
        const listed = pulls
          .filter((pull) => branch === undefined || headOf(pull) === branch)
          .filter((pull) => state === 'all' || (pull.state ?? 'open') === state);
        return [200, listed.map(pullView)];
      },
    ],
    [
      'POST',
      /^\/pulls$/,
      (_m, body) => {
        const pull = {
          number: 100 + pulls.length + 1,
          ...body,
          html_url: `https://github.test/pull/${101 + pulls.length}`,
        };
        pulls.push(pull);
        return [201, pull];
      },
    ],
    [
      'PATCH',
      /^\/pulls\/(\d+)$/,
      (m, body) => {
        const pull = pulls.find((p) => p.number === Number(m[1]));
        if (pull) Object.assign(pull, body);
        return [200, pull];
      },
    ],
    [
      'POST',
      /^\/check-runs$/,
      (_m, body) => {
        const id = nextId++;
        // GitHub records the App whose token made the run (`check_run.app`).
        checkRuns.push({ id, app: { id: 15368, slug: agentAppSlugOf(tokenLogin) }, ...body });
        return [201, { id }];
      },
    ],
    [
      'PATCH',
      /^\/check-runs\/(\d+)$/,
      (m, body) => {
        const run = checkRuns.find((candidate) => candidate.id === Number(m[1]));
        if (!run) return [404, { message: 'Not Found' }];
        Object.assign(run, body);
        return [200, run];
      },
    ],
    // Manual mode's push review: a pull request's files at its head (`pullFiles[n]`, set by the
    // test as a person's push would leave them), read as GitHub's files list, tree and blobs.
    [
      'GET',
      /^\/pulls\/(\d+)\/files$/,
      (m) => [
        200,
        Object.keys(pullFiles[Number(m[1])] ?? {}).map((filename) => ({ filename, status: 'added' })),
      ],
    ],
    [
      'GET',
      /^\/git\/trees\/([^/]+)$/,
      (m) => [
        200,
        {
          sha: m[1],
          truncated: false,
          tree: Object.entries(pullFiles).flatMap(([number, files]) =>
            Object.keys(files).map((path, index) => ({
              path,
              mode: '100644',
              type: 'blob',
              sha: `blob-${number}-${index}`,
            })),
          ),
        },
      ],
    ],
    [
      'GET',
      /^\/git\/blobs\/blob-(\d+)-(\d+)$/,
      (m) => {
        const content = Object.values(pullFiles[Number(m[1])] ?? {})[Number(m[2])];
        return content === undefined
          ? [404, { message: 'Not Found' }]
          : [200, { encoding: 'base64', content: Buffer.from(content).toString('base64') }];
      },
    ],
    [
      'PUT',
      /^\/pulls\/(\d+)\/reviews\/(\d+)\/dismissals$/,
      (m) => {
        // Listed reviews are numbered from 1 in order (`GET /pulls/{n}/reviews` above).
        const review = reviews[Number(m[1])]?.[Number(m[2]) - 1];
        if (!review) return [404, { message: 'Not Found' }];
        review.state = 'DISMISSED';
        return [200, review];
      },
    ],
    [
      'POST',
      /^\/pulls\/(\d+)\/reviews$/,
      (m, body) => {
        const number = Number(m[1]);
        const state =
          body.event === 'REQUEST_CHANGES'
            ? 'CHANGES_REQUESTED'
            : body.event === 'APPROVE'
              ? 'APPROVED'
              : 'COMMENTED';
        const review = {
          user: { login: tokenLogin },
          state,
          commit_id: body.commit_id,
          body: body.body,
          comments: body.comments,
        };
        (reviews[number] ??= []).push(review);
        return [200, { id: nextId++, ...review }];
      },
    ],
  ];

  /** Answers one request: `url` is the path and query after the API's host. */
  function handle(request: {
    method: string;
    url: string;
    body: unknown;
    authorization?: string | undefined;
  }): [number, unknown] {
    const { method, body } = request;
    const url = new URL(request.url, 'http://fake');
    const path = decodeURIComponent(url.pathname);
    requests.push({ method, path, body, authorization: request.authorization });
    if (pendingFailure !== undefined && `${method} ${path}` === failingRequestLine(pendingFailure)) {
      pendingFailure = undefined;
      return [502, { message: 'Bad Gateway' }];
    }
    const refusal = options.refuse?.[`${method} ${path.slice(base.length)}`];
    if (refusal !== undefined) return [refusal, { message: 'Resource not accessible by integration' }];
    return route(method, path, body, url.searchParams);
  }

  function failingRequestLine(spec: string): string {
    const [method, rest] = spec.split(' ');
    return `${method} ${base}${rest}`;
  }

  function route(method: string, path: string, body: unknown, query: URLSearchParams): [number, unknown] {
    // *Get a user using their ID*: the login an account has now (a rename changes it).
    const account = method === 'GET' ? /^\/user\/(\d+)$/.exec(path) : null;
    if (account !== null) {
      const id = Number(account[1]);
      const login = options.accounts?.[id];
      return login === undefined ? [404, { message: 'Not Found' }] : [200, { id, login, type: 'User' }];
    }
    // GraphQL answers who the token acts as, a pull request's node id, and auto-merge turned off.
    if (method === 'POST' && path === '/graphql') {
      const query = (body as { query?: string } | undefined)?.query ?? '';
      const variables = (body as { variables?: { number?: number } } | undefined)?.variables;
      // A pull request's node id, and turning auto-merge off (a task falling back to guided).
      if (/pullRequest\(number: \$number\) \{ id \}/.test(query))
        return [200, { data: { repository: { pullRequest: { id: `PR_fake${variables?.number ?? 0}` } } } }];
      if (query.includes('userContentEdits')) return issueEditsAnswer(variables?.number ?? 0);
      if (query.includes('disablePullRequestAutoMerge'))
        return [200, { data: { disablePullRequestAutoMerge: { pullRequest: { autoMergeRequest: null } } } }];
      return /viewer\s*\{\s*login\s*\}/.test(query)
        ? [200, { data: { viewer: { login: tokenLogin } } }]
        : [200, { errors: [{ message: `No fake for the query ${query}` }] }];
    }
    const named = method === 'GET' ? /^\/repos\/([^/]+)\/([^/]+)$/.exec(path) : null;
    if (named !== null && options.repositoryIds !== undefined) {
      const full = `${named[1]}/${named[2]}`;
      // GitHub's names are case-blind.
      const id = Object.entries(options.repositoryIds).find(
        ([name]) => name.toLowerCase() === full.toLowerCase(),
      )?.[1];
      return id === undefined ? [404, { message: 'Not Found' }] : [200, { id, full_name: full }];
    }
    if (!path.startsWith(base)) return [404, { message: `Not Found: ${path}` }];
    const rest = path.slice(base.length);
    for (const [routeMethod, pattern, handler] of routes) {
      const match = method === routeMethod ? rest.match(pattern) : null;
      if (match) return handler(match, body, query);
    }
    return [404, { message: `No fake for ${method} ${path}` }];
  }

  /** An issue body's edit history, one page, as GitHub's GraphQL answers `Issue.userContentEdits`. */
  function issueEditsAnswer(number: number): [number, unknown] {
    const editors = options.issueEditors?.[number] ?? [];
    if (typeof editors === 'string')
      return [
        200,
        { data: { repository: { issue: null } }, errors: [{ type: 'FORBIDDEN', message: editors }] },
      ];
    const nodes = editors.map((editor, index) => ({
      editedAt: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString(),
      editor: editor === null ? null : { __typename: 'User', login: editor.login, databaseId: editor.id },
    }));
    const pageInfo = {
      hasNextPage: false,
      endCursor: nodes.length === 0 ? null : 'Y3Vyc29yOnYyOpHOAAAAAQ==',
    };
    return [200, { data: { repository: { issue: { userContentEdits: { nodes, pageInfo } } } } }];
  }

  return {
    handle,
    requests,
    comments,
    pulls,
    reviews,
    pullFiles,
    checkRuns,
    ciRuns,
    commits,
    reactions,
    deploymentStatuses,
    deployments,
    issues,
    refs,
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/**
 * A login's role in `permissions`, matched as GitHub matches logins: case-insensitively (GitHub Docs,
 * "Get repository permissions for a user": `username` is "The handle for the GitHub user account",
 * and handles are unique without regard to case). An exact match wins over one differing in case.
 */
function permissionOf(permissions: Record<string, string> | undefined, login: string): string {
  if (permissions === undefined) return 'none';
  const exact = permissions[login];
  if (exact !== undefined) return exact;
  const wanted = login.toLowerCase();
  return Object.entries(permissions).find(([known]) => known.toLowerCase() === wanted)?.[1] ?? 'none';
}
