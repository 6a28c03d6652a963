import { agentStatusComment } from './agent-status.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import type { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const HEAD = 'a'.repeat(40);
export const PARENT = 'b'.repeat(40);
export const BRANCH = 'implementation/1-orders-api';
/** When the command comments are written. */
export const COMMENTED_AT = '2026-11-24T10:00:00Z';

type Api = ReturnType<typeof githubApi>;

/** A real `issue_comment.created` delivery: a comment on pull request #42 (or another), written at 10:00. */
export function prComment(body: string, sender = 'Codertocat', pullNumber = 42) {
  const payload = webhookExample('issue_comment', 'created');
  payload.issue.number = pullNumber;
  payload.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${pullNumber}` };
  payload.comment.body = body;
  payload.comment.created_at = COMMENTED_AT;
  payload.sender.login = sender;
  return payload;
}

/** The status comment of task #1, written by the app, naming PR #42 and its template. */
export const taskStatus = agentStatusComment({
  marker: {
    task_id: `${OWNER}/${REPO}#1`,
    state: 'pr_open',
    attempt: 1,
    cost_usd: 0,
    branch: BRANCH,
    pull_number: 42,
    template_path: 'services/orders-api/template.yaml',
    updated_at: '2026-11-24T09:00:00Z',
    // The head is the agent's own commit, as a task's status records it.
    last_push: { sha: HEAD, by: { kind: 'agent' } },
  },
});

export interface DeployFactsOptions {
  sender?: string;
  role?: string;
  /** `.github/implementation-agent.yml`; absent by default. */
  config?: string;
  /** The reviews, and each reviewer's role (write unless named). */
  reviews?: Array<{ login: string; state: string; commit_id: string }>;
  reviewerRoles?: Record<string, string>;
  /** What GitHub lists when the agent looks for a deployment this command already made; none by default. */
  commandDeployments?: Array<{ id: number; created_at: string; payload: unknown; environment?: string }>;
  /** Split GitHub's answers into pages of this many, linked by `Link` headers. */
  reviewsPerPage?: number;
  checksPerPage?: number;
  statusesPerPage?: number;
  /** Check runs on the sha; `app` defaults as `checkRunsFor` says. */
  checks?: Array<{
    name: string;
    status: string;
    conclusion: string | null;
    app?: { id: number; slug: string };
  }>;
  statuses?: Array<{ context: string; state: string }>;
  /** The head branch's updates, newest first; by default one push of HEAD at 09:00; 404: not offered. */
  activity?: Array<{ before: string; after: string; timestamp: string }> | 404;
  /** When the head's check suites were created, read when the activity does not settle it. */
  suites?: string[];
  pull?: Partial<Parameters<Api['getPull']>[0]>;
  /** Whether the rules pass (the task's status is read in any case: its requester is the review policy's). */
  allowed?: boolean;
  /** The task's status comment as listed; `taskStatus` by default. */
  status?: unknown;
}

/** Everything `/deploy` on PR #42 reads, up to and including the task's status when the rules pass. */
export function expectDeployFacts(api: Api, options: DeployFactsOptions = {}) {
  const sender = options.sender ?? 'Codertocat';
  api.installationToken(INSTALLATION_ID);
  api.reaction(492700400);
  api.config(options.config);
  api.permission(sender, options.role ?? 'write');
  api.commandDeployments(options.commandDeployments);
  const pull = { number: 42, headSha: HEAD, headRef: BRANCH, ...options.pull };
  api.getPull(pull);
  const reviews = options.reviews ?? [];
  api.reviews(pull.number, reviews, options.reviewsPerPage);
  const reviewers = new Set(
    reviews.filter((review) => ['APPROVED', 'CHANGES_REQUESTED'].includes(review.state)).map((r) => r.login),
  );
  for (const login of reviewers) api.permission(login, options.reviewerRoles?.[login] ?? 'write');
  const sha = pull.merged ? 'f'.repeat(40) : pull.headSha;
  api.checkRunsFor(
    sha,
    options.checks ?? [{ name: 'build', status: 'completed', conclusion: 'success' }],
    options.checksPerPage,
  );
  api.combinedStatus(sha, options.statuses ?? [], options.statusesPerPage);
  // A deleted fork (headRepository null) has no branch activity to read.
  if (!pull.merged && pull.headRepository !== null) {
    const activity = options.activity ?? [
      { before: PARENT, after: pull.headSha, timestamp: '2026-11-24T09:00:00Z' },
    ];
    api.branchActivity(pull.headRef, activity === 404 ? [] : activity, {
      ...(pull.headRepository ? { repository: pull.headRepository } : {}),
      ...(activity === 404 ? { status: 404 } : {}),
    });
  }
  if (options.suites) api.checkSuites(pull.headSha, options.suites);
  // The approval rule reads the task's status (the requester, under the review policy) before the
  // rules; a command on the issue has read it already, and leaves this one unused. A fork's pull
  // request is nobody's task: no status is read for it.
  if (pull.headRepository === undefined) api.comments(1, [options.status ?? taskStatus]);
}

/** The agent's answer on PR #42 (or another). */
export const replyOf = (api: Api, issueNumber = 42) =>
  api.calls.find((call) => call.method === 'POST' && call.path.endsWith(`/issues/${issueNumber}/comments`))
    ?.body.body as string;

/** The body of the deployment the agent created, if any. */
export const createdDeployment = (api: Api) =>
  api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/deployments'))?.body;

/** Delivers `body` as a comment on PR #42 (or another), checks every expected call was made, and returns the outcome. */
export async function commentOnPull(api: Api, body: string, pullNumber = 42) {
  const { receive, errors } = await testProbot();
  await receive('issue_comment', prComment(body, 'Codertocat', pullNumber));
  expect(errors).toEqual([]);
  expect(api.scope.isDone()).toBe(true);
  return { reply: replyOf(api, pullNumber), deployment: createdDeployment(api) };
}
