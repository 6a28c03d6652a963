import { agentAppSlugOf } from '../../../src/core/checks/agent-checks.js';
import { combineChecks, type CheckRunFact } from '../../../src/core/checks/combine-checks.js';

const AGENT_APP = 'implementation-agent';

/** A check run as GitHub lists it: the agent's names come from the agent's App, the rest from Actions. */
const run = (
  name: string,
  status: string,
  conclusion: string | null = null,
  appSlug?: string,
): CheckRunFact => ({
  name,
  status,
  conclusion,
  app: { slug: appSlug ?? (name.startsWith('implementation-agent') ? AGENT_APP : 'github-actions') },
});

describe('combineChecks', () => {
  it.each<[string, CheckRunFact[], Array<{ context: string; state: string }>, string]>([
    ['nothing reported', [], [], 'none'],
    [
      'passing, skipped and neutral runs',
      [
        run('build', 'completed', 'success'),
        run('lint', 'completed', 'skipped'),
        run('docs', 'completed', 'neutral'),
      ],
      [],
      'success',
    ],
    ['a run in progress', [run('build', 'in_progress')], [], 'pending'],
    ['a queued run', [run('build', 'queued')], [], 'pending'],
    [
      'a failure beside a run in progress',
      [run('build', 'in_progress'), run('lint', 'completed', 'failure')],
      [],
      'failure',
    ],
    ...(['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure', 'stale'] as const).map(
      (conclusion): [string, CheckRunFact[], [], string] => [
        `a run concluding ${conclusion}`,
        [run('build', 'completed', conclusion)],
        [],
        'failure',
      ],
    ),
    ['a completed run with no conclusion', [run('build', 'completed')], [], 'failure'],
    // The example: Jenkins-style CI that reports a commit status, not a check run.
    [
      'green runs and a failing commit status',
      [run('build', 'completed', 'success')],
      [{ context: 'ci/jenkins', state: 'failure' }],
      'failure',
    ],
    [
      'green runs and an erroring commit status',
      [run('build', 'completed', 'success')],
      [{ context: 'ci/jenkins', state: 'error' }],
      'failure',
    ],
    [
      'green runs and a pending commit status',
      [run('build', 'completed', 'success')],
      [{ context: 'ci/jenkins', state: 'pending' }],
      'pending',
    ],
    ['commit statuses only, all green', [], [{ context: 'ci/jenkins', state: 'success' }], 'success'],
    [
      'only the agent’s own checks',
      [
        run('implementation-agent', 'completed', 'success'),
        run('implementation-agent/approval', 'in_progress'),
      ],
      [],
      'none',
    ],
    [
      'CI green and the approval check waiting',
      [run('build', 'completed', 'success'), run('implementation-agent/approval', 'queued')],
      [],
      'success',
    ],
  ])('%s → %s', (_case, checkRuns, statuses, state) => {
    expect(combineChecks({ checkRuns, statuses, agentAppSlug: AGENT_APP }).state).toBe(state);
  });

  it('names what fails and what is still running', () => {
    const verdict = combineChecks({
      checkRuns: [run('build', 'completed', 'failure'), run('e2e', 'in_progress')],
      statuses: [
        { context: 'ci/jenkins', state: 'error' },
        { context: 'security/scan', state: 'pending' },
      ],
      agentAppSlug: AGENT_APP,
    });
    expect(verdict).toMatchObject({ failing: ['build', 'ci/jenkins'], pending: ['e2e', 'security/scan'] });
  });

  it.each([
    [[], 'none'],
    [[run('implementation-agent', 'completed', 'success')], 'success'],
    [[run('implementation-agent', 'completed', 'failure')], 'failure'],
  ] as const)('judges the agent’s validation check on its own: %j → %s', (checkRuns, validation) => {
    const verdict = combineChecks({
      checkRuns: [...checkRuns, run('build', 'completed', 'success')],
      statuses: [],
      agentAppSlug: AGENT_APP,
    });
    expect(verdict).toMatchObject({ state: 'success', validation });
  });

  it('counts a check of another App that uses the agent’s name as CI, and never as the validation check', () => {
    const verdict = combineChecks({
      checkRuns: [
        run('build', 'completed', 'success'),
        // A CI job named like ours, by GitHub Actions: its failure is a CI failure.
        run('implementation-agent', 'completed', 'failure', 'github-actions'),
        run('implementation-agent/approval', 'in_progress', null, 'someone-elses-app'),
      ],
      statuses: [],
      agentAppSlug: AGENT_APP,
    });
    expect(verdict).toMatchObject({
      state: 'failure',
      failing: ['implementation-agent'],
      pending: ['implementation-agent/approval'],
      validation: 'none',
    });
  });

  it('under GITHUB_TOKEN takes github-actions checks with its names for its own (the App every workflow shares)', () => {
    const verdict = combineChecks({
      checkRuns: [run('implementation-agent', 'completed', 'success', 'github-actions')],
      statuses: [],
      agentAppSlug: agentAppSlugOf('github-actions[bot]'),
    });
    expect(verdict).toMatchObject({ state: 'none', validation: 'success' });
  });
});
