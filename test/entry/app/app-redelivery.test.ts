import {
  formIssue,
  issueComment,
  repositoryDispatch,
  seedStagingHistory,
} from '../../fixtures/trigger-events.js';
import { deliverThreeTimes, type SideEffects } from '../../support/redelivery.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';
import { TEST_MARKER_KEYS } from './agent-status.js';

type Fake = ReturnType<typeof githubFakeBehindNock>;
type Payload = Record<string, unknown>;

interface Case {
  /** What happened before the event under test, delivered once. */
  before?: (receive: (name: string, payload: Payload) => Promise<void>, fake: Fake) => Promise<void>;
  name: string;
  payload: () => Payload;
  /** What the event makes, once. */
  makes: Partial<SideEffects>;
}

const NOTHING: SideEffects = {
  generations: 0,
  issues: 0,
  pullRequests: 0,
  commits: 0,
  checkRuns: 0,
  approvalChecks: 0,
  deployments: 0,
  comments: 0,
};
const A_PULL_REQUEST = {
  generations: 1,
  pullRequests: 1,
  commits: 1,
  checkRuns: 1,
  approvalChecks: 1,
  comments: 1,
};

const CASES: Record<string, Case> = {
  'issues.opened from the request form': {
    name: 'issues',
    payload: () => formIssue('opened'),
    makes: A_PULL_REQUEST,
  },
  'issues.labeled implementation': {
    name: 'issues',
    payload: () => formIssue('labeled'),
    makes: A_PULL_REQUEST,
  },
  '/implement on the issue': {
    name: 'issue_comment',
    payload: () => issueComment('/implement'),
    makes: A_PULL_REQUEST,
  },
  '/approve of a held request': {
    // A reader's request is held first; the maintainer's /approve then runs it.
    before: (receive) => receive('issues', formIssue('opened', 'octo-reader')),
    name: 'issue_comment',
    payload: () => issueComment('/approve'),
    makes: { generations: 1, pullRequests: 1, commits: 1, checkRuns: 1, approvalChecks: 1 },
  },
  '/deploy staging on the pull request': {
    before: (receive) => receive('issues', formIssue('opened')),
    name: 'issue_comment',
    payload: () => issueComment('/deploy staging', { issue: 101, pull: true }),
    makes: { deployments: 1, comments: 1 },
  },
  '/rollback staging on the pull request': {
    // Signed as the test app signs (its key comes from the test webhook secret).
    before: async (_receive, fake) => seedStagingHistory(fake, TEST_MARKER_KEYS),
    name: 'issue_comment',
    payload: () => issueComment('/rollback staging', { issue: 42, pull: true }),
    makes: { deployments: 1, comments: 1 },
  },
  'repository_dispatch implementation-request': {
    name: 'repository_dispatch',
    payload: repositoryDispatch,
    makes: { ...A_PULL_REQUEST, issues: 1 },
  },
};

describe.each([
  ['redelivered (the same X-GitHub-Delivery id, one app)', 'redelivered'],
  [
    'delivered again after a restart (no memory of delivery ids: only the meaning stops a repeat)',
    'restarted',
  ],
] as const)('Probot app: every trigger %s three times makes one of everything', (_label, mode) => {
  it.each(Object.keys(CASES))('%s', async (key) => {
    const { before, name, payload, makes } = CASES[key] as Case;
    const fake = githubFakeBehindNock({ permissions: { Codertocat: 'admin', 'octo-reader': 'read' } });
    let app = await testProbot();
    const errors = [app.errors];
    if (before) await before((event, body) => app.receive(event, body), fake);
    const setUp = { ...fake, requests: [...fake.requests] };
    const baseline = {
      issues: fake.issues.length,
      pulls: fake.pulls.length,
      commits: fake.commits.length,
      checkRuns: fake.checkRuns.filter((check) => check.name === 'implementation-agent').length,
      approvalChecks: fake.checkRuns.filter((check) => check.name === 'implementation-agent/approval').length,
      deployments: fake.deployments.length,
      comments: fake.comments.length,
      requests: setUp.requests.length,
    };

    const result = await deliverThreeTimes({
      fake,
      deliver: async (delivery) => {
        if (mode === 'restarted' && delivery > 1) {
          app = await testProbot();
          errors.push(app.errors);
        }
        await app.receive(name, payload(), 'a5d3b5a0-cc78-11e3-81ab-4c9367dc0958');
      },
    });

    expect(errors.flat()).toEqual([]);
    expect(result.repeatedWrites).toEqual([]);
    expect(result.thrice).toEqual(result.once);
    const made = {
      generations: result.thrice.generations - countGenerations(setUp.requests),
      issues: result.thrice.issues - baseline.issues,
      pullRequests: result.thrice.pullRequests - baseline.pulls,
      commits: result.thrice.commits - baseline.commits,
      checkRuns: result.thrice.checkRuns - baseline.checkRuns,
      approvalChecks: result.thrice.approvalChecks - baseline.approvalChecks,
      deployments: result.thrice.deployments - baseline.deployments,
      comments: result.thrice.comments - baseline.comments,
    };
    expect(made).toEqual({ ...NOTHING, ...makes });
  });
});

function countGenerations(requests: ReadonlyArray<{ method: string; path: string; body: unknown }>): number {
  return requests.filter(
    (request) =>
      request.method !== 'GET' &&
      request.path.includes('/comments') &&
      JSON.stringify(request.body ?? '').includes('\\"state\\":\\"generating\\"'),
  ).length;
}
