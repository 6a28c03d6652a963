/**
 * A review feedback run whose pull request is merged while the model revises (its status read back
 * as `merged` before the push): the run stops as an implement run does (`cancelWatchFor`), pushes
 * nothing onto the merged pull request's branch, and the task stays merged with the stop recorded.
 */
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import type { TaskClient } from '../../../src/github/task-client.js';
import type { PullRequestTaskEvent } from '../../../src/pipeline/review/classify-pull-request-event.js';
import { iterateOnFeedback } from '../../../src/pipeline/review/iterate-on-feedback.js';

const BOT = 'implementation-agent[bot]';
const KEY = Buffer.alloc(32, 6);
const TASK = 'acme/shop#7';
const HEAD = 'a'.repeat(40);
const FILE = 'src/handler.ts';
const FILE_SHA = 'b'.repeat(40);
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });

const open: TaskMarker = {
  task_id: TASK,
  state: 'pr_open',
  attempt: 1,
  pull_number: 12,
  branch: 'implementation/7-orders-api',
  cost_usd: 0,
  updated_at: '2026-11-30T10:00:00.000Z',
  created_at: '2026-11-30T09:00:00.000Z',
  version: 6,
  last_push: { sha: HEAD, by: { kind: 'agent' } },
};

/** A GitHub of one issue (#7) and its pull request (#12); `mergeAfterReads` status reads later it reads merged. */
function github(mergeAfterReads: number) {
  const comment = {
    id: 900,
    body: renderStatusComment({ marker: open, signingKey: KEY }),
    user: { login: BOT, type: 'Bot' },
  };
  const called: string[] = [];
  let statusReads = 0;
  const merge = () => {
    comment.body = renderStatusComment({
      marker: { ...parseStateMarker(comment.body)!, state: 'merged' },
      signingKey: KEY,
    });
  };
  const api: Record<string, Record<string, (p: Record<string, unknown>) => Promise<unknown>>> = {
    issues: {
      listComments: async (p) => {
        if (p['issue_number'] !== 7) return { data: [] };
        if (statusReads++ === mergeAfterReads) merge();
        return { data: (p['page'] ?? 1) === 1 ? [comment] : [] };
      },
      getComment: async () => ({ data: { body: comment.body, user: comment.user } }),
      updateComment: async (p) => {
        comment.body = String(p['body']);
        return {};
      },
    },
    pulls: {
      get: async () => ({
        data: {
          number: 12,
          state: 'open',
          node_id: 'PR_12',
          head: { sha: HEAD, ref: open.branch },
          base: { ref: 'main' },
        },
      }),
      listReviews: async () => ({
        data: [
          {
            id: 10,
            user: { login: 'maintainer', type: 'User' },
            body: '',
            state: 'CHANGES_REQUESTED',
            commit_id: HEAD,
            submitted_at: '2026-11-30T11:00:00Z',
          },
        ],
      }),
      listReviewComments: async () => ({
        data: [
          {
            id: 20,
            pull_request_review_id: 10,
            user: { login: 'maintainer', type: 'User' },
            path: FILE,
            diff_hunk: '@@ -1,2 +1,2 @@',
            commit_id: HEAD,
            body: '```suggestion\nconst b = 3;\n```',
            line: 2,
            side: 'RIGHT',
            created_at: '2026-11-30T11:00:00Z',
            updated_at: '2026-11-30T11:00:00Z',
          },
        ],
      }),
    },
    repos: {
      getContent: async () => {
        throw Object.assign(new Error('Not Found'), { status: 404 });
      },
      getCollaboratorPermissionLevel: async () => ({ data: { permission: 'write', role_name: 'write' } }),
    },
    git: {
      getTree: async () => ({
        data: {
          sha: HEAD,
          truncated: false,
          tree: [{ path: FILE, mode: '100644', type: 'blob', sha: FILE_SHA }],
        },
      }),
      getBlob: async () => ({
        data: {
          sha: FILE_SHA,
          encoding: 'base64',
          content: Buffer.from('const a = 1;\nconst b = 2;\n').toString('base64'),
        },
      }),
    },
  };
  // Any call not listed (a push, a check run, a reply) fails the test with its name.
  const client = new Proxy(api, {
    get: (target, area: string) =>
      new Proxy(target[area] ?? {}, {
        get: (methods, name: string) => {
          called.push(`${area}.${name}`);
          const method = methods[name];
          if (method === undefined) throw new Error(`unexpected call ${area}.${name}`);
          return method;
        },
      }),
  }) as unknown as TaskClient;
  return { client, called, marker: () => parseStateMarker(comment.body)! };
}

function deps(gh: ReturnType<typeof github>, lines: string[]) {
  return {
    client: gh.client,
    trust,
    providerFor: () => createOfflineProvider(),
    log: (line: string) => lines.push(line),
    readCancelBack: true,
    repositoryId: 4242,
    settle: async () => undefined,
  };
}

const event: PullRequestTaskEvent = {
  kind: 'pull-request',
  event: 'pull_request_review.submitted',
  repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
  issueNumber: 7,
  pullNumber: 12,
};

describe('a review feedback run whose pull request is merged while the model revises', () => {
  it('reads the merge back before pushing, pushes nothing, and the task stays merged with the stop recorded', async () => {
    const gh = github(1);
    const lines: string[] = [];
    const outcome = await iterateOnFeedback(deps(gh, lines), event);

    expect(outcome).toMatchObject({ status: 'ignored', reasonCode: 'merged' });
    expect(
      gh.called.filter((call) => call.startsWith('git.create') || call.startsWith('git.update')),
    ).toEqual([]);
    expect(gh.marker().state).toBe('merged');
    expect(lines.some((line) => line.includes('was merged; the run stopped before pushing'))).toBe(true);
  });
});
