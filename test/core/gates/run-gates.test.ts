import type { GeneratedFile } from '../../../src/core/bundle/artifact-bundle.js';
import type { GateFinding } from '../../../src/core/gates/gate-report.js';
import { LIMITS_FAILED, runGates } from '../../../src/core/gates/run-gates.js';
import { FAKE_SLACK_BOT_TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { ordersApiYaml } from '../cfn/template-fixtures.js';
import { bundleOf, file, goodBundle, policy } from './bundle-fixtures.js';

const describeFinding = (finding: GateFinding): string =>
  `${finding.gate} ${finding.path ?? '-'}: ${finding.message}`;

describe('runGates', () => {
  it('passes a good bundle on every gate, limits first', async () => {
    const report = await runGates(goodBundle(), policy);
    expect(report.passed).toBe(true);
    expect(report.results.map((result) => [result.gate, result.passed, result.findings.length])).toEqual([
      ['limits', true, 0],
      ['paths', true, 0],
      ['secrets', true, 0],
      ['template', true, 0],
      ['typescript', true, 0],
    ]);
  });

  it('lists every problem of a bad bundle within the limits, from every gate', async () => {
    const brokenTemplate = ordersApiYaml.replace(
      'TABLE_NAME: !Ref OrdersTable',
      'TABLE_NAME: !Ref OrderTable',
    );
    const bundle = bundleOf(
      [
        file('infra/orders-api.yaml', brokenTemplate, 'template'),
        file('../escape.ts', 'export const x = ;\n'),
        file(
          '.github/workflows/deploy.yml',
          `on: push\nenv:\n  SLACK_TOKEN: ${FAKE_SLACK_BOT_TOKEN}\n`,
          'config',
        ),
        file('config/app.json', '{ "a": 1, }', 'config'),
      ],
      'infra/orders-api.yml',
    );
    const report = await runGates(bundle, { ...policy, allowedPaths: ['src', 'infra', 'config', 'test'] });

    expect(report.passed).toBe(false);
    expect(report.results.map((result) => [result.gate, result.passed])).toEqual([
      ['limits', true],
      ['paths', false],
      ['secrets', false],
      ['template', false],
      ['typescript', false],
    ]);
    expect(report.results.flatMap((result) => result.findings).map(describeFinding)).toEqual([
      'paths ../escape.ts: contains a ".." segment',
      'paths .github/workflows/deploy.yml: is under .github/, which is protected because it steers CI, reviews and deploys (allow a sub-path with paths.allow_github, e.g. [workflows/])',
      'paths .github/workflows/deploy.yml: is outside the allowed paths (src, infra, config, test)',
      'paths infra/orders-api.yml: is named as the template but is not one of the files',
      'secrets .github/workflows/deploy.yml: line 3, column 16: Slack token (secretlint rule "slack"); a credential must never be committed: remove it and read it at runtime from AWS Secrets Manager or SSM Parameter Store',
      'template infra/orders-api.yaml: Resources.OrdersFunction.Properties.Environment.Variables.TABLE_NAME: Ref target "OrderTable" is not a parameter, resource or pseudo parameter (did you mean "OrdersTable"?)',
      'typescript ../escape.ts: TypeScript syntax error at line 1, column 18: Unexpected token',
      'typescript config/app.json: JSON does not parse at line 1, column 11: a trailing comma before "}" is not allowed in JSON',
    ]);
  });

  it.each([
    ['too many files', { maxFiles: 1 }, '2 files is over the limit of 1'],
    ['a file too large', { maxFileBytes: 9 }, '10 bytes is over the per-file limit of 9 bytes'],
    ['too many bytes in all', { maxTotalBytes: 12 }, '19 bytes in all is over the total limit of 12 bytes'],
  ])(
    'stops after the limits gate when it finds %s: the others are reported as not run',
    async (_, limits, message) => {
      const hostile = bundleOf([file('.git./config', 'export x;\n'), file('src/a.ts', 'let = 1;\n')]);
      const report = await runGates(hostile, { ...policy, ...limits });

      expect(report.passed).toBe(false);
      expect(report.results).toEqual([
        { gate: 'limits', passed: false, findings: [expect.objectContaining({ gate: 'limits', message })] },
        { gate: 'paths', passed: false, findings: [], skipped: LIMITS_FAILED },
        { gate: 'secrets', passed: false, findings: [], skipped: LIMITS_FAILED },
        { gate: 'template', passed: false, findings: [], skipped: LIMITS_FAILED },
        { gate: 'typescript', passed: false, findings: [], skipped: LIMITS_FAILED },
      ]);
    },
  );

  it('never reads the files of a bundle with too many of them', async () => {
    const unread: GeneratedFile = {
      path: 'src/a.ts',
      role: 'source',
      get content(): string {
        throw new Error('content was read');
      },
    };
    const report = await runGates(bundleOf([unread, unread]), { ...policy, maxFiles: 1 });
    expect(report.results.map((result) => result.findings.map((finding) => finding.message))).toEqual([
      ['2 files is over the limit of 1'],
      [],
      [],
      [],
      [],
    ]);
  });

  it('turns a limits gate that throws into a finding, and runs nothing after it', async () => {
    const unreadable: GeneratedFile = {
      path: 'src/unreadable.ts',
      role: 'source',
      get content(): string {
        throw new Error('content was never downloaded');
      },
    };
    const report = await runGates(bundleOf([unreadable, file('src/ok.ts')]), policy);

    expect(report.passed).toBe(false);
    expect(report.results.map((result) => [result.gate, result.passed, result.skipped])).toEqual([
      ['limits', false, undefined],
      ['paths', false, LIMITS_FAILED],
      ['secrets', false, LIMITS_FAILED],
      ['template', false, LIMITS_FAILED],
      ['typescript', false, LIMITS_FAILED],
    ]);
    expect(report.results[0]?.findings).toEqual([
      {
        gate: 'limits',
        message: 'the limits gate could not finish checking the bundle: content was never downloaded',
      },
    ]);
  });

  it('turns a later gate that throws into a finding and still runs the others', async () => {
    const bundle = bundleOf([file('src/ok.ts')]);
    Object.defineProperty(bundle, 'templatePath', {
      enumerable: true,
      get(): string {
        throw new Error('template path was never resolved');
      },
    });
    const report = await runGates(bundle, policy);

    expect(report.results.map((result) => [result.gate, result.passed])).toEqual([
      ['limits', true],
      ['paths', false],
      ['secrets', true],
      ['template', false],
      ['typescript', true],
    ]);
    expect(report.results[1]?.findings).toEqual([
      {
        gate: 'paths',
        message: 'the paths gate could not finish checking the bundle: template path was never resolved',
      },
    ]);
  });
});
