import { readdirSync } from 'node:fs';
import { checkSecrets } from '../../../src/core/gates/check-secrets.js';
import { parseRequestDocument } from '../../../src/core/request/parse-request-document.js';
import { validateParsedRequest } from '../../../src/core/request/validate-parsed-request.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import {
  FAKE_GITHUB_CLASSIC_TOKEN,
  FAKE_SLACK_BOT_TOKEN,
  FAKE_SLACK_WEBHOOK_URL,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { SECRET_CASES } from '../../fixtures/adversarial/secrets/secret-cases.js';
import { secretFragmentsIn } from '../../fixtures/adversarial/secrets/secret-fragments.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { bundleOf, file, goodBundle } from './bundle-fixtures.js';

describe('checkSecrets', () => {
  describe.each(SECRET_CASES)('$name', (secretCase) => {
    it('fails the gate, naming the file, where it is and the kind of secret', async () => {
      const findings = await checkSecrets(bundleOf([secretCase.file]));

      expect(findings.map((finding) => finding.gate)).toEqual(secretCase.kinds.map(() => 'secrets'));
      expect(findings.every((finding) => finding.path === secretCase.file.path)).toBe(true);
      secretCase.kinds.forEach((kind, index) => expect(findings[index]?.message).toContain(`: ${kind} (`));
      expect(findings[0]?.message.startsWith(`${secretCase.location}${secretCase.escaped ? ',' : ':'}`)).toBe(
        true,
      );
    });

    it('never quotes the value', async () => {
      const findings = await checkSecrets(bundleOf([secretCase.file]));

      expect(secretFragmentsIn(JSON.stringify(findings), secretCase.values)).toEqual([]);
    });
  });

  it('tells the model what to do instead', async () => {
    const [finding] = await checkSecrets(bundleOf([SECRET_CASES[0]?.file ?? file('x.ts')]));

    expect(finding?.message).toContain(
      '(secretlint rule "aws"); a credential must never be committed: remove it and read it at runtime from AWS Secrets Manager or SSM Parameter Store',
    );
  });

  it('scans the summary, plan, risk notes and paths, which reach the PR body and the commit', async () => {
    const bundle = {
      ...bundleOf([
        file(`src/${FAKE_GITHUB_CLASSIC_TOKEN}.ts`, `export const url = '${FAKE_SLACK_WEBHOOK_URL}';\n`),
      ]),
      summary: `Posts to Slack with ${FAKE_SLACK_BOT_TOKEN}`,
      plan: ['Create the table', `Call ${FAKE_SLACK_WEBHOOK_URL}`],
      riskNotes: ['None', `Uses\nthe token ${FAKE_GITHUB_CLASSIC_TOKEN}`],
    };

    const findings = await checkSecrets(bundle);

    expect(findings.map(({ path, message }) => [path, message.slice(0, message.indexOf(' ('))])).toEqual([
      ['src/[REDACTED:github-token].ts', 'line 1, column 21: Slack incoming webhook URL'],
      ['src/[REDACTED:github-token].ts', 'the file path, line 1, column 5: GitHub token'],
      [undefined, 'the summary, line 1, column 21: Slack token'],
      [undefined, 'plan step 2, line 1, column 6: Slack incoming webhook URL'],
      [undefined, 'risk note 2, line 2, column 11: GitHub token'],
    ]);
    expect(
      secretFragmentsIn(JSON.stringify(findings), [
        FAKE_GITHUB_CLASSIC_TOKEN,
        FAKE_SLACK_BOT_TOKEN,
        FAKE_SLACK_WEBHOOK_URL,
      ]),
    ).toEqual([]);
  });

  it('reports each secret of a file, in order', async () => {
    const content = `const a = '${FAKE_SLACK_BOT_TOKEN}';\nconst b = '${FAKE_GITHUB_CLASSIC_TOKEN}';\n`;

    const findings = await checkSecrets(bundleOf([file('src/tokens.ts', content)]));

    expect(findings.map((finding) => finding.message.slice(0, finding.message.indexOf(' (')))).toEqual([
      'line 1, column 12: Slack token',
      'line 2, column 12: GitHub token',
    ]);
  });

  it('lists 20 findings of a kind and then says there are more', async () => {
    const findings = await checkSecrets(bundleOf([file('src/flood.ts', 'xoxb-1-2 '.repeat(7_000))]));

    expect(findings).toHaveLength(21);
    expect(findings.at(-1)?.message).toMatch(
      /^line 1, column 181: more than 20 secrets of one kind; this and the rest are not listed one by one \(secretlint rule "slack"\)/,
    );
  });

  it('passes what only looks like a credential: account IDs, placeholders and secret references', async () => {
    const template = [
      'Parameters:',
      '  TrustedAccountId:',
      '    Type: String',
      "    Default: '123456789012'",
      'Resources:',
      '  Token:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      GenerateSecretString: { PasswordLength: 32 }',
      'Outputs:',
      '  Account:',
      '    Value: !Sub "AccountId: ${AWS::AccountId}"',
      '',
    ].join('\n');
    const source = [
      "const token = process.env.SLACK_TOKEN ?? '';",
      "const url = 'postgres://${DB_USER}:${DB_PASSWORD}@db.internal:5432/orders';",
      "const accountId = '123456789012';",
      '',
    ].join('\n');

    const findings = await checkSecrets(
      bundleOf([file('infra/app.yaml', template, 'template'), file('src/config.ts', source)]),
    );

    expect(findings).toEqual([]);
  });

  it('finds nothing in a good bundle', async () => {
    expect(await checkSecrets(goodBundle())).toEqual([]);
  });

  it.each(
    readdirSync(new URL('../../../examples/', import.meta.url)).filter((name) => name.endsWith('.json')),
  )('finds nothing in what the offline blueprints generate for examples/%s', async (name) => {
    const parsed = parseRequestDocument({ channel: 'file', input: readExample(name) });
    const validation = parsed.kind === 'not-a-request' ? undefined : validateParsedRequest(parsed);
    if (!validation?.ok) throw new Error(`examples/${name} is not a valid request`);

    const { bundle } = await createOfflineProvider().generate({
      request: validation.payload,
      context: { owner: 'acme', repo: 'shop' },
    });

    expect(await checkSecrets(bundle)).toEqual([]);
  });
});
