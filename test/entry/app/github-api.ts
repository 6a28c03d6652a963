import { createHash } from 'node:crypto';
import nock from 'nock';
import type { MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { signedDeploymentPayload } from '../../fixtures/signed-deployment-payload.js';
import { APP_LOGIN, TEST_MARKER_KEYS } from './agent-status.js';

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

/**
 * The newest stand-in of each repository (`base` path → its token): comment reads it left armed
 * (`serveReads`) answer only while it is the newest, so a second stand-in of the same repository
 * in one test gets its own reads.
 */
const newest = new Map<string, symbol>();

export function githubApi(params: { owner: string; repo: string }) {
  const calls: RecordedCall[] = [];
  const scope = nock(API);
  const base = `/repos/${params.owner}/${params.repo}`;
  const self = Symbol(base);
  newest.set(base, self);
  scope.on('request', (request: { method: string; path: string }, _interceptor: unknown, body: string) => {
    calls.push({
      method: request.method,
      path: decodeURIComponent(request.path),
      body: body ? JSON.parse(body) : undefined,
    });
  });

  /**
   * Answers a list endpoint `perPage` items at a time, linking each page to the next with GitHub's
   * `Link` header (`rel="next"`), as the REST API paginates.
   */
  /** GitHub's `Link` header on page `page` of `pages`: `prev` and `first` after the first, `next` and `last` before the last. */
  function linkHeader(options: {
    path: string;
    query: Record<string, string>;
    page: number;
    pages: number;
  }): string | undefined {
    const at = (page: number) =>
      `${API}${options.path}?${new URLSearchParams({ ...options.query, page: String(page) }).toString()}`;
    const { page, pages } = options;
    const rels = [
      ...(page > 1 ? [`<${at(page - 1)}>; rel="prev"`] : []),
      ...(page < pages ? [`<${at(page + 1)}>; rel="next"`, `<${at(pages)}>; rel="last"`] : []),
      ...(page > 1 ? [`<${at(1)}>; rel="first"`] : []),
    ];
    return rels.length === 0 ? undefined : rels.join(', ');
  }

  function replyInPages<T>(options: {
    path: string;
    items: readonly T[];
    perPage: number;
    query: Record<string, string>;
    wrap?: (page: readonly T[]) => unknown;
    pagesRead?: number;
  }) {
    const pages = Math.max(1, Math.ceil(options.items.length / options.perPage));
    for (let page = 1; page <= Math.min(pages, options.pagesRead ?? pages); page++) {
      const slice = options.items.slice((page - 1) * options.perPage, page * options.perPage);
      const query = page === 1 ? options.query : { ...options.query, page: String(page) };
      const body = (options.wrap ? options.wrap(slice) : slice) as nock.Body;
      const link = linkHeader({ path: options.path, query: options.query, page, pages });
      scope
        .get(options.path)
        .query(query)
        .reply(200, body, link === undefined ? {} : { Link: link });
    }
  }

  /** Write ids of the status board already seen: a board write carries a new one, its mirror warning the same. */
  const boardWrites = new Set<string>();
  /** Whether `body` is a status board write the board will check (its marker's newest write id is new). */
  const isCheckedBoardWrite = (body: string): boolean => {
    const newest = parseStateMarker(body)?.writes?.at(-1);
    if (newest === undefined || boardWrites.has(newest)) return false;
    boardWrites.add(newest);
    return true;
  };
  /** The ETag GitHub would send for a comment, a digest of what it holds. */
  const etagOf = (body: string) => `W/"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
  /** Each issue comment's body as GitHub holds it now: listed, created or edited through this stand-in. */
  const held = new Map<number, string>();
  /**
   * Every read of a status comment the board edits (*Get an issue comment*): the read just before
   * each edit and the read-backs after it (at once and after the settle delay), answered from the
   * comment as it is now, as GitHub does: 304 when asked with the ETag of what it holds, else the
   * body with its ETag (404 when the comment was never listed, created or edited).
   */
  const readBacks: Array<{ commentId: number; status: 200 | 304 | 404 }> = [];
  /** Comments whose reads are served (`serveReads`). */
  const served = new Set<number>();
  /**
   * Serves every read of comment `id` from here on: the first read is required (the board reads
   * before it edits, so `scope.isDone()` fails without it), each one arms the next as optional.
   */
  const serveReads = (id: number) => {
    if (served.has(id)) return;
    served.add(id);
    const path = `${base}/issues/comments/${id}`;
    const arm = (optional: boolean) =>
      scope
        .get((uri) => uri === path && newest.get(base) === self)
        .optionally(optional)
        .reply(function () {
          arm(true);
          const body = held.get(id);
          if (body === undefined) {
            readBacks.push({ commentId: id, status: 404 });
            return [404, { message: 'Not Found' }];
          }
          const unchanged = this.req.headers['if-none-match'] === etagOf(body);
          readBacks.push({ commentId: id, status: unchanged ? 304 : 200 });
          return unchanged
            ? [304, '']
            : [200, { id, body, user: { login: APP_LOGIN, type: 'Bot' } }, { ETag: etagOf(body) }];
        });
    arm(false);
  };
  /** What a listing answered of each comment (`{ id, body }`) is what the comment holds from then on. */
  const holdListed = (comments: readonly unknown[]) => {
    for (const comment of comments) {
      const { id, body } = (comment ?? {}) as { id?: unknown; body?: unknown };
      if (typeof id === 'number' && typeof body === 'string') held.set(id, body);
    }
  };
  /** The listing that checks a created board (two runs may each have created one): this one alone. */
  const listingAfterCreate = (issueNumber: number, id: number, body: string) =>
    scope
      .get(`${base}/issues/${issueNumber}/comments`)
      .query({ per_page: 100, page: 1 })
      .reply(200, [{ id, body, user: { login: APP_LOGIN, type: 'Bot' } }]);

  return {
    scope,
    calls,
    /** Each read-back of a board's edit and how GitHub answered it: 304 when asked with the edit's ETag. */
    readBacks,
    /**
     * The body of the last comment written (created or edited): the status comment as the run
     * left it, whatever read-back followed.
     */
    lastCommentBody: (): string | undefined =>
      calls.findLast(
        (call) =>
          (call.method === 'PATCH' || call.method === 'POST') && /\/issues\/(\d+\/)?comments/.test(call.path),
      )?.body?.body,
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
        .reply(() => {
          holdListed(comments);
          return [200, comments];
        }),
    permission: (username: string, role: string) =>
      scope.get(`${base}/collaborators/${username}/permission`).reply(200, {
        permission: role === 'maintain' ? 'write' : role,
        role_name: role,
        user: { login: username },
      }),
    /**
     * GraphQL `Issue.userContentEdits` of `issueNumber`: its body's edit history, one page, as
     * GitHub answers it (read when a labeling or a bare `/implement` runs the body); none by default.
     */
    issueEdits: (issueNumber: number, editors: ReadonlyArray<{ login: string; id: number }> = []) =>
      scope
        .post(
          '/graphql',
          (body: { query?: unknown; variables?: { number?: unknown } }) =>
            String(body.query).includes('userContentEdits') && body.variables?.number === issueNumber,
        )
        .reply(200, {
          data: {
            repository: {
              issue: {
                userContentEdits: {
                  nodes: editors.map((editor, index) => ({
                    editedAt: `2026-11-24T09:0${index % 10}:00Z`,
                    editor: { __typename: 'User', login: editor.login, databaseId: editor.id },
                  })),
                  pageInfo: {
                    hasNextPage: false,
                    endCursor: editors.length === 0 ? null : 'Y3Vyc29yOnYyOpHOAAAAAQ==',
                  },
                },
              },
            },
          },
        }),
    /** A user who is no collaborator at all (a bot, a fork's author): GitHub answers 404. */
    notCollaborator: (username: string) =>
      scope
        .get(`${base}/collaborators/${encodeURIComponent(username)}/permission`)
        .reply(404, { message: 'Not Found' }),
    /**
     * `POST /issues/{n}/comments`. When the comment is a status board (its marker carries a new
     * write id), the listing the board checks it with follows (`listingAfterCreate`).
     */
    createComment: (issueNumber: number, id: number) =>
      scope.post(`${base}/issues/${issueNumber}/comments`).reply((_uri, sent) => {
        const body = (sent as { body: string }).body;
        held.set(id, body);
        if (isCheckedBoardWrite(body)) listingAfterCreate(issueNumber, id, body);
        return [201, { id, body, user: { login: APP_LOGIN, type: 'Bot' } }, { ETag: etagOf(body) }];
      }),
    /**
     * `PATCH /issues/comments/{id}`, answered with the comment and its ETag as GitHub does, and the
     * comment's reads served from then on (`serveReads`): the board reads it just before the edit
     * and back after it, and each read answers what the comment holds at that moment. `read:
     * false` for an edit that is no board write (a marker re-signed in place reads nothing);
     * `times` edits expected, all of them `optional` when the count is not the test's point.
     */
    updateComment: (id: number, options: { read?: boolean; optional?: boolean; times?: number } = {}) => {
      if (options.read ?? true) serveReads(id);
      return scope
        .patch(`${base}/issues/comments/${id}`)
        .optionally(options.optional ?? false)
        .times(options.times ?? 1)
        .reply((_uri, sent) => {
          const body = (sent as { body: string }).body;
          held.set(id, body);
          return [200, { id, body, user: { login: APP_LOGIN, type: 'Bot' } }, { ETag: etagOf(body) }];
        });
    },
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
    /** `POST /check-runs` of the `implementation-agent/approval` check (asserted by name). */
    approvalCheck: (id = 78) =>
      scope
        .post(
          `${base}/check-runs`,
          (body: { name?: string }) => body.name === 'implementation-agent/approval',
        )
        .reply(201, { id }),
    /** `PATCH /check-runs/{id}`: an approval check edited in place. */
    updateCheckRun: (id: number) => scope.patch(`${base}/check-runs/${id}`).reply(200, { id }),
    /** `GET /commits/{sha}/check-runs?check_name=implementation-agent/approval`: the latest one, if any. */
    approvalChecksOn: (
      sha: string,
      runs: Array<{ id: number; status: string; conclusion: string | null; title: string }> = [],
    ) =>
      scope
        .get(`${base}/commits/${sha}/check-runs`)
        .query({ check_name: 'implementation-agent/approval', filter: 'latest', per_page: '100' })
        .reply(200, {
          total_count: runs.length,
          check_runs: runs.map((run) => ({
            ...run,
            name: 'implementation-agent/approval',
            app: { id: 1, slug: 'implementation-agent' },
            output: { title: run.title },
          })),
        }),
    getPull: (pull: {
      number: number;
      headSha: string;
      headRef: string;
      merged?: boolean;
      mergedAt?: string;
      /** Who merged it (`merged_by.login`); Codertocat by default. */
      mergedBy?: string;
      /** Closed without being merged. */
      closed?: boolean;
      /** `owner/repo` of a fork the head branch lives in; null for a deleted fork. */
      headRepository?: string | null;
    }) => {
      const here = { id: 1296269, full_name: `${params.owner}/${params.repo}` };
      const headRepo =
        pull.headRepository === undefined
          ? here
          : pull.headRepository === null
            ? null
            : { id: 9_000_001, full_name: pull.headRepository };
      return scope.get(`${base}/pulls/${pull.number}`).reply(200, {
        number: pull.number,
        node_id: `PR_kwDOABCD${pull.number}`,
        state: pull.merged || pull.closed ? 'closed' : 'open',
        merged: pull.merged ?? false,
        merged_at: pull.merged ? (pull.mergedAt ?? '2026-11-24T09:30:00Z') : null,
        merge_commit_sha: pull.merged ? 'f'.repeat(40) : null,
        merged_by: pull.merged ? { login: pull.mergedBy ?? 'Codertocat' } : null,
        head: { sha: pull.headSha, ref: pull.headRef, repo: headRepo },
        base: { ref: 'master', repo: here },
      });
    },
    /**
     * The pull request's reviews, oldest first, `perPage` a page with GitHub's `Link` header
     * between pages (the app asks for 100 a page; a smaller `perPage` only splits the answer).
     */
    /**
     * The pull request's inline review comments (`GET /pulls/{n}/comments`), all of them whatever
     * the task's `feedback_since` (a drafted comment keeps its time), newest first, in one page.
     */
    reviewComments: (pullNumber: number, comments: unknown[] = []) =>
      scope
        .get(`${base}/pulls/${pullNumber}/comments`)
        .query({ per_page: 100, sort: 'created', direction: 'desc' })
        .reply(200, comments),
    /** The pull request's conversation comments, read for `/implement` feedback, in one page. */
    conversation: (pullNumber: number, comments: unknown[] = [], since?: string) =>
      scope
        .get(`${base}/issues/${pullNumber}/comments`)
        .query({ per_page: 100, ...(since === undefined ? {} : { since }) })
        .reply(200, comments),
    reviews: (
      pullNumber: number,
      reviews: Array<{ login: string; state: string; commit_id: string }>,
      perPage = 100,
    ) => {
      const path = `${base}/pulls/${pullNumber}/reviews`;
      const items = reviews.map((review, index) => ({
        id: index + 1,
        user: { login: review.login },
        state: review.state,
        commit_id: review.commit_id,
      }));
      replyInPages({ path, items, perPage, query: { per_page: '100' } });
    },
    /**
     * `GET /commits/{sha}/check-runs?filter=latest`. Each run's `app` is the test app's
     * (`implementation-agent`) for the agent's check names and GitHub Actions' otherwise, unless given.
     */
    checkRunsFor: (
      sha: string,
      runs: Array<{
        name: string;
        status: string;
        conclusion: string | null;
        app?: { id: number; slug: string };
      }>,
      perPage = 100,
    ) =>
      replyInPages({
        path: `${base}/commits/${sha}/check-runs`,
        items: runs.map((run) => ({
          ...run,
          app:
            run.app ??
            (run.name.startsWith('implementation-agent')
              ? { id: 123, slug: 'implementation-agent' }
              : { id: 15368, slug: 'github-actions' }),
        })),
        perPage,
        query: { filter: 'latest', per_page: '100' },
        wrap: (page) => ({ total_count: runs.length, check_runs: page }),
      }),
    /** `GET /commits/{sha}/status`: the latest status per context (none by default). */
    combinedStatus: (sha: string, statuses: Array<{ context: string; state: string }> = [], perPage = 100) =>
      replyInPages({
        path: `${base}/commits/${sha}/status`,
        items: statuses,
        perPage,
        query: { per_page: '100' },
        wrap: (page) => ({
          state: statuses.some((status) => status.state !== 'success') ? 'pending' : 'success',
          sha,
          total_count: statuses.length,
          statuses: page,
        }),
      }),
    /** `GET /activity` for one branch: its updates (newest first), with GitHub's timestamps. */
    branchActivity: (
      branch: string,
      updates: Array<{ before: string; after: string; timestamp: string }>,
      options: { repository?: string; status?: number } = {},
    ) =>
      scope
        .get(`/repos/${options.repository ?? `${params.owner}/${params.repo}`}/activity`)
        .query({ ref: `refs/heads/${branch}`, direction: 'desc', per_page: '100' })
        .reply(
          options.status ?? 200,
          options.status
            ? { message: 'Not Found' }
            : updates.map((update, index) => ({
                id: index + 1,
                node_id: `A${index}`,
                ...update,
                ref: `refs/heads/${branch}`,
                activity_type: 'push',
                actor: { login: 'Codertocat' },
              })),
        ),
    checkSuites: (sha: string, createdAt: string[]) =>
      scope
        .get(`${base}/commits/${sha}/check-suites`)
        .query({ per_page: '100' })
        .reply(200, {
          total_count: createdAt.length,
          check_suites: createdAt.map((created_at, index) => ({ id: index + 1, head_sha: sha, created_at })),
        }),
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
        .reply(200, {
          sha,
          truncated: false,
          tree: entries.map((entry) => ({ ...entry, mode: '100644', type: 'blob' })),
        }),
    /**
     * `GET /deployments` newest first, `perPage` a page (what the app asks for) linked by `Link`
     * headers, and each deployment's statuses. `pagesRead` registers only the pages the app is
     * expected to read before it has its answer. Each payload is signed as the test app signs
     * (`signingKeys`, default the test app's marker keys; `null` leaves them unsigned); a deployment
     * with `forged: true` keeps its payload as given, and `creator` overrides the app's bot.
     */
    deployments: (
      filter: string | { sha: string },
      deployments: Array<{
        id: number;
        sha: string;
        created_at: string;
        payload: unknown;
        states: string[];
        environment?: string;
        forged?: boolean;
        creator?: string;
      }>,
      perPage = 20,
      options: { pagesRead?: number; signingKeys?: MarkerKeys | null } = {},
    ) => {
      const environment = typeof filter === 'string' ? filter : undefined;
      const keys = options.signingKeys === undefined ? TEST_MARKER_KEYS : (options.signingKeys ?? undefined);
      const read = deployments.slice(0, (options.pagesRead ?? Infinity) * perPage);
      replyInPages({
        path: `${base}/deployments`,
        items: deployments.map((d) => ({
          id: d.id,
          sha: d.sha,
          ref: d.sha,
          environment: d.environment ?? environment,
          created_at: d.created_at,
          creator: { login: d.creator ?? 'implementation-agent[bot]' },
          payload: d.forged
            ? d.payload
            : signedDeploymentPayload({
                payload: d.payload,
                sha: d.sha,
                environment: d.environment ?? environment ?? '',
                markerKeys: keys,
              }),
        })),
        perPage,
        query: {
          ...(typeof filter === 'string' ? { environment: filter } : filter),
          per_page: String(perPage),
        },
        ...(options.pagesRead === undefined ? {} : { pagesRead: options.pagesRead }),
      });
      // The app reads statuses only of the deployments it counts as its own.
      const counted = read.filter(
        (d) => !d.forged && (d.creator ?? 'implementation-agent[bot]') === 'implementation-agent[bot]',
      );
      for (const d of counted) {
        scope
          .get(`${base}/deployments/${d.id}/statuses`)
          .query(true)
          .reply(
            200,
            d.states.map((state, index) => ({ id: d.id * 10 + index, state, created_at: d.created_at })),
          );
      }
    },
    /**
     * `GET /deployments` of every environment, newest first: where `/deploy` and `/rollback` look
     * for a deployment their comment already made (none by default).
     */
    commandDeployments: (
      deployments: Array<{ id: number; created_at: string; payload: unknown; environment?: string }> = [],
    ) =>
      scope
        .get(`${base}/deployments`)
        .query({ per_page: '100' })
        .reply(
          200,
          deployments.map((d) => ({
            id: d.id,
            sha: 'c'.repeat(40),
            ref: 'c'.repeat(40),
            environment: d.environment ?? 'staging',
            created_at: d.created_at,
            creator: { login: 'implementation-agent[bot]' },
            payload: d.payload,
          })),
        ),
    /** `GET /deployments/{id}`, or 404 when `deployment` is undefined. */
    deployment: (
      id: number,
      deployment?: {
        sha: string;
        created_at: string;
        payload: unknown;
        states: string[];
        environment: string;
        forged?: boolean;
      },
    ) => {
      scope.get(`${base}/deployments/${id}`).reply(
        deployment ? 200 : 404,
        deployment
          ? {
              id,
              sha: deployment.sha,
              ref: deployment.sha,
              environment: deployment.environment,
              created_at: deployment.created_at,
              creator: { login: 'implementation-agent[bot]' },
              payload: deployment.forged
                ? deployment.payload
                : signedDeploymentPayload({
                    payload: deployment.payload,
                    sha: deployment.sha,
                    environment: deployment.environment,
                    markerKeys: TEST_MARKER_KEYS,
                  }),
            }
          : { message: 'Not Found' },
      );
      // A forged deployment is not the app's: it reads no further.
      if (deployment && !deployment.forged) {
        scope
          .get(`${base}/deployments/${id}/statuses`)
          .query(true)
          .reply(
            200,
            deployment.states.map((state, index) => ({
              id: id * 10 + index,
              state,
              created_at: deployment.created_at,
            })),
          );
      }
    },
  };
}
