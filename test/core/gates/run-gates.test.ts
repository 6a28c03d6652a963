import type { GeneratedFile } from '../../../src/core/bundle/artifact-bundle.js';
import type { GateFinding } from '../../../src/core/gates/gate-report.js';
import { runGates } from '../../../src/core/gates/run-gates.js';
import { FAKE_SLACK_BOT_TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { ordersApiYaml } from '../cfn/template-fixtures.js';
import { bundleOf, file, goodBundle, policy } from './bundle-fixtures.js';

const describeFinding = (finding: GateFinding): string =>
  `${finding.gate} ${finding.path ?? '-'}: ${finding.message}`;

describe('runGates', () => {
  it('passes a good bundle on every gate', async () => {
    const report = await runGates(goodBundle(), policy);
    expect(report.passed).toBe(true);
    expect(report.results.map((result) => [result.gate, result.passed, result.findings.length])).toEqual([
      ['paths', true, 0],
      ['limits', true, 0],
      ['secrets', true, 0],
      ['template', true, 0],
      ['typescript', true, 0],
    ]);
  });

  it('lists every problem of a bad bundle, from every gate', async () => {
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
        file('src/huge.md', 'x'.repeat(policy.maxFileBytes + 1), 'doc'),
        file('config/app.json', '{ "a": 1, }', 'config'),
      ],
      'infra/orders-api.yml',
    );
    const report = await runGates(bundle, {
      ...policy,
      maxFiles: 4,
      allowedPaths: ['src', 'infra', 'config', 'test'],
    });

    expect(report.passed).toBe(false);
    expect(report.results.every((result) => !result.passed)).toBe(true);
    expect(report.results.flatMap((result) => result.findings).map(describeFinding)).toEqual([
      'paths ../escape.ts: contains a ".." segment',
      'paths .github/workflows/deploy.yml: workflow files under .github/workflows/ are not allowed (set paths.allow_workflow_files in the config to permit them)',
      'paths .github/workflows/deploy.yml: is outside the allowed paths (src, infra, config, test)',
      'paths infra/orders-api.yml: is named as the template but is not one of the files',
      'limits -: 5 files is over the limit of 4',
      'limits src/huge.md: 60,001 bytes is over the per-file limit of 60,000 bytes',
      'secrets .github/workflows/deploy.yml: line 3, column 16: Slack token (secretlint rule "slack"); a credential must never be committed: remove it and read it at runtime from AWS Secrets Manager or SSM Parameter Store',
      'template infra/orders-api.yaml: Resources.OrdersFunction.Properties.Environment.Variables.TABLE_NAME: Ref target "OrderTable" is not a parameter, resource or pseudo parameter (did you mean "OrdersTable"?)',
      'typescript ../escape.ts: TypeScript syntax error at line 1, column 18: Unexpected token',
      'typescript config/app.json: JSON does not parse at line 1, column 11: expected a double-quoted property name, found "}"',
    ]);
  });

  it('turns a gate that throws into a finding and still runs the others', async () => {
    const unreadable: GeneratedFile = {
      path: 'src/unreadable.ts',
      role: 'source',
      get content(): string {
        throw new Error('content was never downloaded');
      },
    };
    const report = await runGates(bundleOf([unreadable, file('src/ok.ts')]), policy);

    expect(report.passed).toBe(false);
    expect(report.results.map((result) => [result.gate, result.passed])).toEqual([
      ['paths', true],
      ['limits', false],
      ['secrets', false],
      ['template', true],
      ['typescript', false],
    ]);
    expect(report.results[1]?.findings).toEqual([
      {
        gate: 'limits',
        message: 'the limits gate could not finish checking the bundle: content was never downloaded',
      },
    ]);
  });
});
