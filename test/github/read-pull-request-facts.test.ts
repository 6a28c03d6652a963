import { DEFAULT_CONFIG } from '../../src/core/config/agent-config.js';
import type { TaskMarker } from '../../src/core/state/state-marker.js';
import { statusTrust } from '../../src/github/status-trust.js';
import { APP_LOGIN, TEST_MARKER_KEYS, agentStatusComment } from '../entry/app/agent-status.js';
import {
  readPullRequestFacts,
  type PullRequestFactsClient,
} from '../../src/github/read-pull-request-facts.js';

const HEAD = 'c'.repeat(40);
const OLDER = 'b'.repeat(40);
const MERGE = 'm'.repeat(40);
const REQUESTED_AT = '2026-11-24T10:00:00Z';
const HERE = { id: 1, full_name: 'acme/shop' };

interface Options {
  reviews?: Array<{ login: string; state: string; commit_id: string }>;
  roles?: Record<string, string>;
  runs?: Array<{ name: string; status: string; conclusion: string | null }>;
  statuses?: Array<{ context: string; state: string }>;
  merged?: { at: string };
  headRepo?: { id: number; full_name: string } | null;
  activity?: Array<{ before: string; after: string; timestamp: string }> | 404;
  /** A second page of activity, linked from the first by an `after` cursor. */
  olderActivity?: Array<{ before: string; after: string; timestamp: string }>;
  suites?: string[];
  /** The task's marker in the status comment on issue #1 (the head branch names it). */
  marker?: Partial<TaskMarker>;
  review?: Partial<(typeof DEFAULT_CONFIG)['review']>;
}

/** A plain-object GitHub that records the calls it answers. */
function github(options: Options = {}) {
  const calls: string[] = [];
  const client: PullRequestFactsClient = {
    pulls: {
      get: async () => {
        calls.push('pulls.get');
        return {
          data: {
            number: 5,
            state: options.merged ? 'closed' : 'open',
            merged: options.merged !== undefined,
            merged_at: options.merged?.at ?? null,
            merge_commit_sha: options.merged ? MERGE : null,
            head: {
              sha: HEAD,
              ref: 'implementation/1-orders-api',
              repo: options.headRepo === undefined ? HERE : options.headRepo,
            },
            base: { ref: 'main', repo: HERE },
          },
        };
      },
      listReviews: async () => {
        calls.push('pulls.listReviews');
        return {
          data: (options.reviews ?? []).map((r, index) => ({
            id: index + 1,
            user: { login: r.login },
            state: r.state,
            commit_id: r.commit_id,
          })),
        };
      },
    },
    checks: {
      listForRef: async (p) => {
        calls.push(`checks.listForRef ${p.ref}`);
        return { data: { check_runs: options.runs ?? [] } };
      },
      listSuitesForRef: async () => {
        calls.push('checks.listSuitesForRef');
        return { data: { check_suites: (options.suites ?? []).map((created_at) => ({ created_at })) } };
      },
    },
    issues: {
      listComments: async (p) => {
        calls.push(`issues.listComments ${p.issue_number}`);
        if (options.marker === undefined || p.page > 1) return { data: [] };
        const marker: TaskMarker = {
          task_id: 'acme/shop#1',
          state: 'pr_open',
          attempt: 1,
          cost_usd: 0,
          pull_number: 5,
          updated_at: '2026-11-24T09:00:00Z',
          // The agent's own commit is the head, as a task that records pushes says.
          last_push: { sha: HEAD, by: { kind: 'agent' } },
          ...options.marker,
        };
        return { data: [agentStatusComment({ marker })] };
      },
      createComment: async () => ({ data: { id: 1 } }),
      updateComment: async () => ({}),
    },
    repos: {
      getCollaboratorPermissionLevel: async (p) => {
        calls.push(`permission ${p.username}`);
        const role = options.roles?.[p.username] ?? 'write';
        return { data: { permission: role, role_name: role } };
      },
      getCombinedStatusForRef: async (p) => {
        calls.push(`repos.getCombinedStatusForRef ${p.ref}`);
        return { data: { statuses: options.statuses ?? [] } };
      },
      listActivities: async (p) => {
        calls.push(`repos.listActivities ${p.owner}/${p.repo} ${p.ref}`);
        if (options.activity === 404) throw Object.assign(new Error('Not Found'), { status: 404 });
        if (p.after === 'cursor-2') return { data: options.olderActivity ?? [] };
        const link = options.olderActivity
          ? '<https://api.github.com/repositories/1/activity?ref=x&after=cursor-2>; rel="next"'
          : undefined;
        return {
          data: options.activity ?? [{ before: OLDER, after: HEAD, timestamp: '2026-11-24T09:30:00Z' }],
          headers: { link },
        };
      },
    },
  };
  return { client, calls };
}

const facts = (options: Options = {}) => {
  const { client, calls } = github(options);
  return readPullRequestFacts({
    client,
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    pullNumber: 5,
    requestedAt: REQUESTED_AT,
    agentAppSlug: 'implementation-agent',
    trust: statusTrust({ identity: async () => APP_LOGIN, keys: TEST_MARKER_KEYS }),
    review: { ...DEFAULT_CONFIG.review, ...options.review },
  }).then((result) => ({ ...result, calls }));
};

describe('readPullRequestFacts', () => {
  it('reads an open pull request of this repository: its branch, head, approval and checks', async () => {
    const result = await facts({
      reviews: [{ login: 'ann', state: 'APPROVED', commit_id: HEAD }],
      runs: [{ name: 'build', status: 'completed', conclusion: 'success' }],
    });
    expect(result).toMatchObject({
      open: true,
      fromFork: false,
      branch: 'implementation/1-orders-api',
      currentSha: HEAD,
      atRequest: { kind: 'proven', sha: HEAD },
      approval: { approved: true, approvedBy: ['ann'] },
      checks: { state: 'success' },
    });
    expect(result.calls).toContain('repos.listActivities acme/shop refs/heads/implementation/1-orders-api');
    expect(result.calls).not.toContain('checks.listSuitesForRef');
  });

  // Review #9: `/deploy`'s approval rule is the guided approval check's, review policy included.
  it('sets aside the requester’s own approval, as the trusted marker names them', async () => {
    const result = await facts({
      reviews: [{ login: 'ann', state: 'APPROVED', commit_id: HEAD }],
      marker: { requester: 'Ann' },
    });
    expect(result.calls).toContain('issues.listComments 1');
    expect(result.approval).toMatchObject({
      approved: false,
      setAside: [{ login: 'ann', why: 'requester' }],
    });
  });

  it('counts the requester’s approval when review.allow_self_approval is on', async () => {
    const result = await facts({
      reviews: [{ login: 'ann', state: 'APPROVED', commit_id: HEAD }],
      marker: { requester: 'ann' },
      review: { allow_self_approval: true },
    });
    expect(result.approval).toMatchObject({ approved: true, approvedBy: ['ann'] });
  });

  it('with review.reapprove_on_push off, an approval of an earlier head still counts (as the check has it)', async () => {
    const stale = [{ login: 'ann', state: 'APPROVED', commit_id: OLDER }];
    expect((await facts({ reviews: stale, marker: {} })).approval.approved).toBe(false);
    const kept = await facts({ reviews: stale, marker: {}, review: { reapprove_on_push: false } });
    expect(kept.approval).toMatchObject({ approved: true, approvedBy: ['ann'] });
  });

  it('never counts the agent’s own approval', async () => {
    const result = await facts({ reviews: [{ login: APP_LOGIN, state: 'APPROVED', commit_id: HEAD }] });
    // A bot's review is nobody's verdict (`latestReviewVerdicts`): the agent's never reaches the rule.
    expect(result.approval).toMatchObject({ approved: false, approvedBy: [] });
  });

  it('takes no requester from a status that names another pull request', async () => {
    const result = await facts({
      reviews: [{ login: 'ann', state: 'APPROVED', commit_id: HEAD }],
      marker: { requester: 'ann', pull_number: 99 },
    });
    expect(result.approval.approved).toBe(true);
  });

  it('does not count an approval from a reviewer with read access', async () => {
    const result = await facts({
      reviews: [{ login: 'ann', state: 'APPROVED', commit_id: HEAD }],
      roles: { ann: 'read' },
    });
    expect(result.approval).toMatchObject({
      approved: false,
      withoutWriteAccess: [{ login: 'ann', permission: 'read' }],
    });
  });

  it('asks each reviewer’s permission once, and nobody else’s', async () => {
    const result = await facts({
      reviews: [
        { login: 'ann', state: 'COMMENTED', commit_id: HEAD },
        { login: 'bob', state: 'APPROVED', commit_id: OLDER },
        { login: 'bob', state: 'APPROVED', commit_id: HEAD },
      ],
    });
    expect(result.calls.filter((call) => call.startsWith('permission'))).toEqual(['permission bob']);
  });

  it('counts a failing commit status beside green check runs', async () => {
    const result = await facts({
      runs: [{ name: 'build', status: 'completed', conclusion: 'success' }],
      statuses: [{ context: 'ci/jenkins', state: 'failure' }],
    });
    expect(result.checks).toMatchObject({ state: 'failure', failing: ['ci/jenkins'] });
  });

  it('finds a push after the command from GitHub’s timestamp', async () => {
    const result = await facts({
      activity: [{ before: OLDER, after: HEAD, timestamp: '2026-11-24T10:02:00Z' }],
    });
    expect(result.atRequest).toEqual({
      kind: 'moved',
      reason: 'pushed',
      movedAt: '2026-11-24T10:02:00Z',
      shaAtRequest: OLDER,
    });
  });

  it('follows the activity cursor to the first page that reaches back to the command', async () => {
    const pushes = Array.from({ length: 3 }, (_, index) => ({
      before: `${index + 1}`.repeat(40),
      after: index === 0 ? HEAD : `${index}`.repeat(40),
      timestamp: `2026-11-24T10:0${5 - index}:00Z`,
    }));
    const result = await facts({
      activity: pushes,
      olderActivity: [
        { before: OLDER, after: '3'.repeat(40), timestamp: '2026-11-24T10:01:00Z' },
        { before: '9'.repeat(40), after: OLDER, timestamp: '2026-11-24T09:00:00Z' },
      ],
    });
    expect(result.atRequest).toEqual({
      kind: 'moved',
      reason: 'pushed',
      movedAt: '2026-11-24T10:01:00Z',
      shaAtRequest: OLDER,
    });
    expect(result.calls.filter((call) => call.startsWith('repos.listActivities'))).toHaveLength(2);
  });

  it('falls back to the head’s check suites where the activity API is not offered', async () => {
    const result = await facts({ activity: 404, suites: ['2026-11-24T10:02:00Z'] });
    expect(result.atRequest).toEqual({ kind: 'moved', reason: 'pushed', movedAt: '2026-11-24T10:02:00Z' });
    expect(result.calls).toContain('checks.listSuitesForRef');
  });

  it('is unproven when GitHub has no record of when the head arrived', async () => {
    expect((await facts({ activity: [], suites: [] })).atRequest).toEqual({ kind: 'unproven' });
  });

  it('deploys the merge commit of a pull request merged before the command, from its base branch', async () => {
    const result = await facts({ merged: { at: '2026-11-24T09:45:00Z' } });
    expect(result).toMatchObject({
      merged: true,
      open: false,
      branch: 'main',
      currentSha: MERGE,
      atRequest: { kind: 'proven', sha: MERGE },
    });
    expect(result.calls).toContain(`checks.listForRef ${MERGE}`);
    expect(result.calls).toContain(`repos.getCombinedStatusForRef ${MERGE}`);
    expect(result.calls.some((call) => call.startsWith('repos.listActivities'))).toBe(false);
  });

  it('sees a merge after the command as a move', async () => {
    expect((await facts({ merged: { at: '2026-11-24T10:30:00Z' } })).atRequest).toMatchObject({
      kind: 'moved',
      reason: 'merged',
    });
  });

  it.each([
    ['a fork', { id: 2, full_name: 'mallory/shop' }, true],
    ['a deleted fork', null, true],
    ['this repository', HERE, false],
  ])('tells a head branch in %s apart', async (_case, headRepo, fromFork) => {
    const result = await facts({ headRepo });
    expect(result.fromFork).toBe(fromFork);
  });

  it('reads no branch updates for a deleted fork, whose branch name may be a base branch’s', async () => {
    const result = await facts({ headRepo: null, suites: ['2026-11-24T09:00:00Z'] });
    expect(result.calls.some((call) => call.startsWith('repos.listActivities'))).toBe(false);
    expect(result.atRequest).toEqual({ kind: 'proven', sha: HEAD });
  });

  it('reads a fork’s branch updates in the fork', async () => {
    const result = await facts({ headRepo: { id: 2, full_name: 'mallory/shop' } });
    expect(result.calls).toContain(
      'repos.listActivities mallory/shop refs/heads/implementation/1-orders-api',
    );
  });
});
