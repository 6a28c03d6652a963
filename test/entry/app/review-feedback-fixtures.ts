/** The pull request, review and comments review-feedback tests deliver and list: real payloads, moved to a task branch. */
import type { AgentConfig } from '../../../src/core/config/agent-config.js';
import type { ModelProvider } from '../../../src/generation/model-provider.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import type { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';
import type { MirrorCache } from '../../../src/pipeline/mirror/mirror-cache.js';

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch.
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const PULL = 2;
export const BRANCH = 'implementation/1-orders-api';
export const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const NEW_HEAD = 'c'.repeat(40);
export const BASE = `/repos/${OWNER}/${REPO}`;
export const FILE = 'src/handler.ts';
export const FILE_SHA = 'd'.repeat(40);
// A CRLF file: the suggestion must keep every line ending as it was.
export const FILE_TEXT = "export const tableName = 'orders';\r\nexport const region = 'ap-southeast-2';\r\n";
export const SUBMITTED_AT = '2026-11-29T11:00:00Z';

export type Api = ReturnType<typeof githubApi>;

export const marker = (patch: Partial<TaskMarker> = {}): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  updated_at: '2026-11-29T10:00:00.000Z',
  // The head is the agent's own commit, as a task's status records it.
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  ...patch,
});

/** The real review payload; only its state, author and the branch differ. */
export function reviewEvent(reviewer: string, type = 'User') {
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.review.state = 'changes_requested';
  payload.review.user.login = reviewer;
  payload.review.user.type = type;
  payload.sender.login = reviewer;
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

/** The review as `GET /pulls/2/reviews` lists it: the payload's review. */
export function listedReview(reviewer: string, type = 'User', body?: string) {
  const review = reviewEvent(reviewer, type).review;
  return {
    ...review,
    state: 'CHANGES_REQUESTED',
    commit_id: HEAD,
    submitted_at: SUBMITTED_AT,
    ...(body === undefined ? {} : { body }),
  };
}

/** The real review comment, on line 1 of the file on the head, holding `body`. */
export function listedComment(body: string, patch: Record<string, unknown> = {}) {
  const { comment } = webhookExample('pull_request_review_comment', 'created');
  return {
    ...comment,
    pull_request_review_id: listedReview('maintainer').id,
    path: FILE,
    line: 1,
    start_line: null,
    side: 'RIGHT',
    commit_id: HEAD,
    body,
    ...patch,
  };
}

export const SUGGESTION =
  "Use the environment:\r\n```suggestion\r\nexport const tableName = process.env.TABLE_NAME ?? 'orders';\r\n```";

/** The approval sync (as in guided mode), then the feedback run's reads. */
export function expectRun(
  api: Api,
  params: {
    /** The sync moves the task (a reviewer whose verdict counts): it writes the status once. */
    syncMoves?: boolean;
    state?: TaskMarker;
    reviewer: string;
    permission: string;
    comments: unknown[];
    type?: string;
    /** The review's body as GitHub lists it (the example's is null). */
    reviewBody?: string;
    /**
     * The feedback run reads the status as the sync left it (GitHub keeps a comment's last edit),
     * not the one the sync read: needed with a mirror, which otherwise sees two runs racing from
     * one version (each one's events at the same sequences) and says so on the comment.
     */
    afterSync?: boolean;
  },
) {
  const status = agentStatusComment({ marker: params.state ?? marker() });
  api.installationToken(INSTALLATION_ID);
  // The sync: the task, the PR, the config, the reviews and the approval check.
  api.comments(1, [status]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  const listed = [listedReview(params.reviewer, params.type, params.reviewBody)];
  api.scope.get(`${BASE}/pulls/${PULL}/reviews`).query({ per_page: '100' }).times(2).reply(200, listed);
  // A bot's verdict (the agent's included) is nobody's: no permission is asked for.
  if (params.type !== 'Bot')
    api.scope.get(`${BASE}/collaborators/${encodeURIComponent(params.reviewer)}/permission`).reply(200, {
      permission: params.permission,
      role_name: params.permission,
      user: { login: params.reviewer },
    });
  api.approvalChecksOn(HEAD, []);
  api.approvalCheck();
  if (params.syncMoves ?? true) api.updateComment(900);
  // The feedback run.
  if (params.afterSync) {
    api.scope
      .get(`${BASE}/issues/1/comments`)
      .query({ per_page: 100, page: 1 })
      .reply(200, () => {
        const written = statusWrites(api).at(-1)?.body.body;
        return [typeof written === 'string' ? { ...status, body: written } : status];
      });
  } else api.comments(1, [status]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  // Inline comments are all read (a drafted one keeps its time); conversation comments only since
  // the feedback last taken in.
  const since = params.state?.feedback_since;
  api.reviewComments(PULL, params.comments);
  api.conversation(PULL, [], since);
}

export function expectFileRead(api: Api) {
  api.scope
    .get(`${BASE}/git/trees/${HEAD}`)
    .query({ recursive: 'true' })
    .reply(200, {
      sha: HEAD,
      truncated: false,
      tree: [{ path: FILE, mode: '100644', type: 'blob', sha: FILE_SHA }],
    });
  api.scope
    .get(`${BASE}/git/blobs/${FILE_SHA}`)
    .reply(200, { sha: FILE_SHA, encoding: 'base64', content: Buffer.from(FILE_TEXT).toString('base64') });
}

/** `POST /check-runs` of the `implementation-agent` validation check on the pushed commit. */
export function expectValidationCheck(api: Api) {
  api.scope
    .post(
      `${BASE}/check-runs`,
      (body: { name?: string; head_sha?: string; conclusion?: string }) =>
        body.name === 'implementation-agent' && body.head_sha === NEW_HEAD && body.conclusion === 'success',
    )
    .reply(201, { id: 79 });
}

export const statusWrites = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'));
export const lastMarker = (api: Api) => readStateMarker(statusWrites(api).at(-1)?.body.body ?? '')?.marker;
export const pushes = (api: Api) => api.calls.filter((call) => call.path.includes('/git/'));

export async function deliver(
  payload: Record<string, unknown>,
  mirrors?: MirrorCache,
  providerFor?: (config: AgentConfig) => ModelProvider,
) {
  const { receive, errors } = await testProbot({
    ...(mirrors === undefined ? {} : { mirrors }),
    ...(providerFor === undefined ? {} : { providerFor }),
  });
  await receive('pull_request_review', payload);
  expect(errors).toEqual([]);
}
