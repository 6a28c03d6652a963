import { descriptionSentences } from '../../../../src/generation/offline/naming/description-sentences.js';
import {
  failuresInARow,
  periodOfOneRun,
} from '../../../../src/generation/offline/blueprints/testing/failures-in-a-row.js';
import { generate, parseBundleTemplate } from '../offline-test-requests.js';

const asked = (description: string) =>
  failuresInARow({ descriptionSentences: descriptionSentences(description), stories: [] });

describe('failures in a row an alert waits for', () => {
  it('reads the count in digits or words, "in a row" or "consecutive"', () => {
    expect(asked('Alert when two checks in a row fail.')).toEqual({ count: 2, words: ['row'] });
    expect(asked('Page me after 3 consecutive failures.')).toEqual({ count: 3, words: ['consecutive'] });
    expect(asked('Alert when it fails twice in a row.')).toEqual({ count: 2, words: ['row'] });
    expect(asked('Alert when a check fails.')).toBeUndefined();
    expect(asked('Alert after 1 failure in a row.')).toBeUndefined();
  });

  it("makes one alarm period one run of a rate schedule, within CloudWatch's day", () => {
    expect(periodOfOneRun('rate(10 minutes)', 2)).toBe(600);
    expect(periodOfOneRun('rate(1 hour)', 3)).toBe(3600);
    expect(periodOfOneRun('rate(1 day)', 2)).toBeUndefined();
    expect(periodOfOneRun('cron(0 2 * * ? *)', 2)).toBeUndefined();
    // A rate kept to weekdays runs at its interval on the days it runs.
    expect(periodOfOneRun('cron(0/10 * ? * MON-FRI *)', 2)).toBe(600);
    expect(periodOfOneRun('cron(0 0/2 ? * MON-FRI *)', 2)).toBe(7200);
    expect(periodOfOneRun('cron(0/10 * ? * MON *)', 2)).toBeUndefined();
  });

  it('generates the alarm for three in a row and says when a cron schedule leaves it to the first failure', async () => {
    const { bundle } = await generate({
      taskType: 'testing',
      taskName: 'Orders smoke',
      description: 'Check GET /health every 5 minutes. Alert when 3 checks in a row fail.',
    });
    const alarm = parseBundleTemplate(bundle).Resources['ChecksFailedAlarm'];
    expect(alarm?.Properties).toMatchObject({ Period: 300, EvaluationPeriods: 3, DatapointsToAlarm: 3 });
    const row = bundle.coverage?.find(
      (one) => one.source.kind === 'description' && one.source.sentence === 2,
    );
    expect(row?.implementedBy).toContain('waits for 3 failed runs in a row');
    expect(row?.status).toBe('partial');
    expect(row?.gaps.join(' ')).toMatch(/publishes only to AlarmTopicArn/);

    const nightly = await generate({
      taskType: 'testing',
      taskName: 'Orders smoke',
      description: 'Check GET /health every day at 02:00 UTC. Alert when 2 checks in a row fail.',
    });
    const single = parseBundleTemplate(nightly.bundle).Resources['ChecksFailedAlarm'];
    expect(single?.Properties?.EvaluationPeriods).toBe(1);
    const gaps = nightly.bundle.coverage?.find(
      (one) => one.source.kind === 'description' && one.source.sentence === 2,
    )?.gaps;
    expect(gaps?.join(' ')).toMatch(/2 failures in a row are asked, but the schedule cron/);
  });
});
