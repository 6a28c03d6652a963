/**
 * fix15e: the testing blueprint's template has log groups (the canary's, and the pre-traffic hook's
 * when releases shift traffic), each keeping logs for LogRetentionDays: a request to keep logs is
 * credited with the generated template test of every group's retention, as in the application and
 * integration blueprints; other days are partial, and a sentence that asks for no retention is not
 * answered by it.
 */
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { generate } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

const canary = (sentence: string, extra: Partial<RequestShape> = {}): RequestShape => ({
  taskType: 'testing',
  taskName: 'Shop canary',
  description: `Check GET /health returns 200. ${sentence}`,
  stories: ['As an operator I know when the shop is down'],
  ...extra,
});

const title = (days: number) =>
  `the template keeps every log group for LogRetentionDays days and defaults it to ${days}`;

describe('log retention in the testing blueprint', () => {
  it.each(['Keep the logs for 30 days.', 'Retain the logs for 30 days.', 'Log retention is 30 days.'])(
    '"%s" is covered by the canary\'s log group, citing the generated template test',
    async (sentence) => {
      const { bundle } = await generate(canary(sentence));
      const row = sentenceRow(bundle.coverage, 2);
      expect(row?.status).toBe('covered');
      expect(row?.implementedBy).toContain('CanaryFunctionLogGroup');
      expect(row?.implementedBy).not.toContain('PreTrafficHookFunctionLogGroup');
      expect(row?.implementedBy).toContain('LogRetentionDays days (default 30)');
      expect(row?.tests).toEqual([
        expect.objectContaining({ path: 'services/shop-canary/test/run-checks.test.ts', title: title(30) }),
      ]);
      const tests = bundle.files.find((file) => file.path === 'services/shop-canary/test/run-checks.test.ts');
      expect(tests?.content).toContain(title(30));
      expect(tests?.content).toContain('toMatch(/^ {6}RetentionInDays: !Ref LogRetentionDays$/m)');
    },
  );

  it("a canary release names the pre-traffic hook's log group too, and the template has both with retention", async () => {
    const { bundle } = await generate(canary('Keep the logs for 30 days.', { strategy: 'canary' }));
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('covered');
    expect(row?.resources).toEqual(
      expect.arrayContaining(['CanaryFunctionLogGroup', 'PreTrafficHookFunctionLogGroup']),
    );
    const template = bundle.files.find((file) => file.path.endsWith('template.yaml'))?.content ?? '';
    for (const group of ['CanaryFunctionLogGroup', 'PreTrafficHookFunctionLogGroup'])
      expect(template).toMatch(
        new RegExp(
          `^  ${group}:\\n    Type: AWS::Logs::LogGroup\\n    Properties:\\n      RetentionInDays: !Ref LogRetentionDays$`,
          'm',
        ),
      );
  });

  it('production keeps logs a year: the test and the row say 365', async () => {
    const { bundle } = await generate(canary('Keep the logs for 365 days.', { environment: 'production' }));
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('covered');
    expect(row?.tests).toContainEqual(expect.objectContaining({ title: title(365) }));
    expect(bundle.files.find((file) => file.path.endsWith('test/run-checks.test.ts'))?.content).toContain(
      title(365),
    );
  });

  it('"Keep the logs for 14 days." is partial: 14 is not the default', async () => {
    const { bundle } = await generate(canary('Keep the logs for 14 days.'));
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('partial');
    expect((row?.gaps ?? []).join(' ')).toContain('14');
  });

  it('"Every failed check is logged." asks for no retention', async () => {
    const { bundle } = await generate(canary('Every failed check is logged.'));
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy ?? '').not.toContain('LogRetentionDays');
  });
});
