import {
  formIssue,
  issueComment,
  repositoryDispatch,
  seedStagingHistory,
  workflowDispatch,
} from '../../fixtures/trigger-events.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { deliverThreeTimes, type SideEffects } from '../../support/redelivery.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_redeliveryProcessToken456';

type Fake = Awaited<ReturnType<typeof startGitHubFake>>;
type Payload = Record<string, unknown>;

interface Case {
  /** What happened before, run once. */
  before?: (run: (eventName: string, payload: Payload) => Promise<void>, fake: Fake) => Promise<void>;
  eventName: string;
  payload: () => Payload;
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

/**
 * Every trigger the Action's implement mode takes. GitHub's runner gives no delivery id, so only
 * the meaning stops a repeat: each is run three times, as a re-run job or a retried dispatch is.
 */
const CASES: Record<string, Case> = {
  'issues.opened from the request form': {
    eventName: 'issues',
    payload: () => formIssue('opened'),
    makes: A_PULL_REQUEST,
  },
  'issues.labeled implementation': {
    eventName: 'issues',
    payload: () => formIssue('labeled'),
    makes: A_PULL_REQUEST,
  },
  '/implement on the issue': {
    eventName: 'issue_comment',
    payload: () => issueComment('/implement'),
    makes: A_PULL_REQUEST,
  },
  '/approve of a held request': {
    before: (run) => run('issues', formIssue('opened', 'octo-reader')),
    eventName: 'issue_comment',
    payload: () => issueComment('/approve'),
    makes: { generations: 1, pullRequests: 1, commits: 1, checkRuns: 1, approvalChecks: 1 },
  },
  '/deploy staging on the pull request': {
    before: (run) => run('issues', formIssue('opened')),
    eventName: 'issue_comment',
    payload: () => issueComment('/deploy staging', { issue: 101, pull: true }),
    makes: { deployments: 1, comments: 1 },
  },
  '/rollback staging on the pull request': {
    before: async (_run, fake) => seedStagingHistory(fake),
    eventName: 'issue_comment',
    payload: () => issueComment('/rollback staging', { issue: 42, pull: true }),
    makes: { deployments: 1, comments: 1 },
  },
  'repository_dispatch implementation-request': {
    eventName: 'repository_dispatch',
    payload: repositoryDispatch,
    makes: { ...A_PULL_REQUEST, issues: 1 },
  },
  'workflow_dispatch with a request': {
    eventName: 'workflow_dispatch',
    payload: workflowDispatch,
    makes: { ...A_PULL_REQUEST, issues: 1 },
  },
};

describe('the built Action: every trigger run three times makes one of everything', () => {
  // Each case has its own stand-in; three or four runs of the built Action each.
  it.each(Object.keys(CASES))(
    '%s',
    async (key) => {
      const { before, eventName, payload, makes } = CASES[key] as Case;
      const fake = await startGitHubFake({
        owner: 'Codertocat',
        repo: 'Hello-World',
        defaultBranch: 'master',
        permissions: { Codertocat: 'admin', 'octo-reader': 'read' },
        // An App's token: it writes as the App's bot, whose markers are trusted on identity alone,
        // and its deployments start the deploy workflow.
        tokenLogin: 'implementation-agent[bot]',
        deploymentCreator: 'implementation-agent[bot]',
      });
      try {
        const codes: number[] = [];
        const run = async (name: string, body: Payload) => {
          const result = await runAction({
            apiUrl: fake.url,
            eventName: name,
            payload: body,
            inputs: { token: TOKEN },
          });
          codes.push(result.code);
        };
        if (before) await before(run, fake);
        const baseline = {
          issues: fake.issues.length,
          pullRequests: fake.pulls.length,
          commits: fake.commits.length,
          checkRuns: fake.checkRuns.filter((check) => check.name === 'implementation-agent').length,
          approvalChecks: fake.checkRuns.filter((check) => check.name === 'implementation-agent/approval')
            .length,
          deployments: fake.deployments.length,
          comments: fake.comments.length,
          generations: 0,
        };
        const generationsBefore = fake.requests.filter(
          (request) =>
            request.method !== 'GET' && String(request.body?.body ?? '').includes('"state":"generating"'),
        ).length;

        const result = await deliverThreeTimes({ fake, deliver: () => run(eventName, payload()) });

        expect(codes.every((code) => code === 0)).toBe(true);
        expect(result.repeatedWrites).toEqual([]);
        expect(result.thrice).toEqual(result.once);
        const made = Object.fromEntries(
          Object.entries(result.thrice).map(([name, count]) => [
            name,
            count - (name === 'generations' ? generationsBefore : baseline[name as keyof SideEffects]),
          ]),
        );
        expect(made).toEqual({ ...NOTHING, ...makes });
      } finally {
        await fake.close();
      }
    },
    120_000,
  );
});
