import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import type { DeploymentStrategy, TaskType } from '../../../../src/core/request/execution-request.js';
import { requestedShift } from '../../../../src/generation/offline/coverage/requested-shift.js';
import { shiftOfConfig } from '../../../../src/generation/offline/cfn/shift-of-config.js';
import { generate } from '../offline-test-requests.js';

const sentenceRow = async (params: {
  taskType: TaskType;
  strategy?: DeploymentStrategy;
  description: string;
}): Promise<RequirementCoverage | undefined> => {
  const { bundle } = await generate({
    taskName: 'Orders API',
    stories: ['As a customer I can place an order'],
    ...params,
  });
  return bundle.coverage?.find((row) => row.source.kind === 'description');
};

describe('the coverage table compares a requested traffic shift with the generated config', () => {
  it.each(['application', 'deployment', 'integration'] as const)(
    '%s: "shift 10 percent every minute" with linear is met',
    async (taskType) => {
      const row = await sentenceRow({
        taskType,
        strategy: 'linear',
        description: 'Releases shift 10 percent every minute.',
      });
      expect(row).toMatchObject({ status: 'covered', gaps: [] });
      expect(row?.implementedBy).toContain('linear, 10 percent every 1 minute');
    },
  );

  it.each(['application', 'deployment', 'integration'] as const)(
    '%s: "a canary of 10 percent for 10 minutes, then the rest" is met whole: its last clause is the canary\'s last step',
    async (taskType) => {
      const row = await sentenceRow({
        taskType,
        strategy: 'canary',
        description: 'Release with a canary of 10 percent for 10 minutes, then the rest.',
      });
      expect(row).toMatchObject({ status: 'covered', gaps: [] });
    },
  );

  it('says "then the rest" is a canary\'s step when the release is linear', async () => {
    const row = await sentenceRow({
      taskType: 'deployment',
      strategy: 'linear',
      description: 'Release the function gradually, then the rest.',
    });
    expect(row?.status).toBe('partial');
    expect(row?.gaps).toEqual([expect.stringMatching(/^"then the rest\.": asked canary, generated linear/)]);
  });

  it('is partial with the difference when canary was generated instead', async () => {
    const row = await sentenceRow({
      taskType: 'application',
      strategy: 'canary',
      description: 'Releases shift 10% of traffic every minute.',
    });
    expect(row?.status).toBe('partial');
    expect(row?.gaps).toEqual([
      expect.stringContaining('asked linear, generated canary; asked 1 minute(s) between steps, generated 5'),
    ]);
  });

  it('is met by a custom config when no predefined one moves the percentage asked for', async () => {
    const row = await sentenceRow({
      taskType: 'deployment',
      strategy: 'linear',
      description: 'Shift traffic 20 percent every 2 minutes.',
    });
    expect(row).toMatchObject({ status: 'covered', gaps: [] });
    expect(row?.implementedBy).toContain('ReleaseDeploymentConfig (linear, 20 percent every 2 minutes)');
  });

  it('is partial with the difference when CodeDeploy cannot make the percentage asked for', async () => {
    const row = await sentenceRow({
      taskType: 'deployment',
      strategy: 'linear',
      description: 'Shift traffic 0 percent every 2 minutes.',
    });
    expect(row?.status).toBe('partial');
    expect(row?.gaps).toEqual([
      expect.stringContaining(
        'asked 0 percent per step, generated 10; asked 2 minute(s) between steps, generated 1',
      ),
    ]);
  });

  it('names all-at-once as the difference when no strategy shifts traffic', async () => {
    const row = await sentenceRow({ taskType: 'application', description: 'Shift 10 percent every minute.' });
    expect(row).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('asked linear, generated all-at-once')],
    });
  });
});

describe('requestedShift', () => {
  it.each([
    [['shift', '10', 'percent', 'every', 'minute'], { mode: 'linear', percent: 10, minutes: 1 }],
    [
      ['canary', '10', '%', 'then', 'the', 'rest', 'after', '5', 'minutes'],
      { mode: 'canary', percent: 10, minutes: 5 },
    ],
    [['10', 'percent', 'each', '3', 'minutes'], { mode: 'linear', percent: 10, minutes: 3 }],
    [['deploy', 'all', 'at', 'once'], { mode: 'all-at-once' }],
    [['shift', 'traffic', 'gradually'], undefined],
  ])('%j → %j', (words, shift) => {
    expect(requestedShift(words)).toEqual(shift);
  });
});

describe('shiftOfConfig', () => {
  it('reads the predefined CodeDeploy Lambda configs by name', () => {
    expect(shiftOfConfig('CodeDeployDefault.LambdaCanary10Percent15Minutes')).toEqual({
      mode: 'canary',
      percent: 10,
      minutes: 15,
    });
    expect(shiftOfConfig('CodeDeployDefault.LambdaLinear10PercentEvery1Minute')).toEqual({
      mode: 'linear',
      percent: 10,
      minutes: 1,
    });
    expect(shiftOfConfig(undefined)).toEqual({ mode: 'all-at-once', percent: 100, minutes: 0 });
    expect(shiftOfConfig('MyCustomConfig')).toBeUndefined();
  });
});

/** A strategy row is ✅ only with a generated test that checks the release in the template (#11). */
describe('the deployment_strategy row', () => {
  it('cites the template tests where they exist, and is partial, saying so, where none does', async () => {
    const { generate } = await import('../offline-test-requests.js');
    const request = (taskType: 'application' | 'deployment') => ({
      taskType,
      taskName: 'Orders API',
      strategy: 'canary' as const,
      stories: ['As a customer I can place an order'],
    });
    const row = async (taskType: 'application' | 'deployment') =>
      (await generate(request(taskType))).bundle.coverage?.find((entry) => entry.source.kind === 'setting');
    expect(await row('deployment')).toMatchObject({
      status: 'covered',
      tests: [
        { title: 'releases shift the live alias with CodeDeployDefault.LambdaCanary10Percent5Minutes' },
        { title: 'a release stops and rolls back when its alarms fire' },
      ],
    });
    expect(await row('application')).toMatchObject({
      status: 'partial',
      tests: [],
      gaps: [expect.stringContaining('no generated test checks the release settings in the template')],
    });
  });
});
