import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { checksAlarmWindow } from '../../../../src/generation/offline/blueprints/testing/checks-alarm-window.js';
import { scheduleIntervalSeconds } from '../../../../src/generation/offline/cfn/schedule-interval.js';
import { generate, parseBundleTemplate } from '../offline-test-requests.js';

/**
 * #11: a canary that runs daily, released canary or linear. The failure alarm's period holds one
 * run (no false alarm on the 23 hours without one). The release's error alarm would see no scheduled
 * run of the new version while traffic shifts, so a pre-traffic hook runs it once before any moves.
 */
const settingRow = (rows: readonly RequirementCoverage[] | undefined) =>
  rows?.find((row) => row.source.kind === 'setting');
const checksAlarm = async (description: string, strategy: 'canary' | 'linear' | 'all-at-once') => {
  const { bundle } = await generate({
    taskType: 'testing',
    taskName: 'Orders checks',
    description,
    stories: ['As an operator I know GET /health answers 200'],
    strategy,
  });
  const alarm = parseBundleTemplate(bundle).Resources['ChecksFailedAlarm']?.Properties ?? {};
  return { bundle, alarm };
};

describe('a daily canary', () => {
  it.each(['canary', 'linear'] as const)(
    'released %s: the alarm looks at a day, and a pre-traffic hook runs the new version before traffic moves',
    async (strategy) => {
      const { alarm, bundle } = await checksAlarm('Check the Orders API every day at 02:00 UTC.', strategy);
      expect(alarm).toMatchObject({ Period: 86_400, EvaluationPeriods: 1, TreatMissingData: 'breaching' });
      const template = parseBundleTemplate(bundle);
      expect(template.Resources['CanaryFunctionAlias']?.UpdatePolicy).toMatchObject({
        CodeDeployLambdaAliasUpdate: { BeforeAllowTrafficHook: { Ref: 'PreTrafficHookFunction' } },
      });
      expect(template.Resources['PreTrafficHookFunction']?.Properties).toMatchObject({
        Handler: 'pre-traffic-hook.handler',
        Environment: { Variables: { TARGET_VERSION_ARN: { Ref: 'CanaryFunctionVersion' } } },
      });
      const row = settingRow(bundle.coverage);
      expect(row).toMatchObject({ status: 'covered', gaps: [] });
      expect(row?.resources).toContain('PreTrafficHookFunction');
      expect(row?.implementedBy).toContain('fails the release when a check fails');
      expect(row?.tests.map((test) => test.path)).toContain(
        'services/orders-checks/test/pre-traffic.test.ts',
      );
    },
  );

  it('released all-at-once: updated in place, no hook', async () => {
    const { bundle } = await checksAlarm('Check the Orders API every day at 02:00 UTC.', 'all-at-once');
    expect(parseBundleTemplate(bundle).Resources['PreTrafficHookFunction']).toBeUndefined();
    expect(bundle.files.map((file) => file.path)).not.toContain(
      'services/orders-checks/src/pre-traffic-hook.ts',
    );
  });

  it('weekly: silence cannot be told from an empty day, so it does not alarm, and the row says so', async () => {
    const { alarm, bundle } = await checksAlarm(
      'Check the Orders API every Monday at 06:00 UTC.',
      'all-at-once',
    );
    expect(alarm).toMatchObject({ Period: 86_400, TreatMissingData: 'notBreaching' });
    const gaps = (bundle.coverage ?? []).flatMap((row) => row.gaps).join(' ');
    expect(gaps).toContain('a canary that stops running is not detected');
  });
});

describe('scheduleIntervalSeconds and checksAlarmWindow', () => {
  it.each([
    ['rate(5 minutes)', 300, 600, true],
    ['rate(15 minutes)', 900, 900, true],
    ['rate(1 hour)', 3_600, 3_600, true],
    ['cron(0 2 * * ? *)', 86_400, 86_400, true],
    ['cron(30 * * * ? *)', 3_600, 3_600, true],
    ['cron(0 9 ? * MON-FRI *)', undefined, 86_400, false],
    ['rate(2 days)', 172_800, 86_400, false],
  ] as const)('%s: interval %s, period %s, silence alarms %s', (schedule, interval, period, silence) => {
    expect(scheduleIntervalSeconds(schedule)).toBe(interval);
    expect(checksAlarmWindow(schedule)).toMatchObject({ periodSeconds: period, silenceAlarms: silence });
  });
});
