/**
 * Attacker pass (review #10n) on the secrets gate across a nested stack's boundary
 * (src/core/gates/check-secrets.ts, src/core/secrets/literal-intrinsic-contexts.ts). The README
 * says every value CloudFormation assembles from literals before a stack sees it is read; the
 * reading stops at the file. A parent template passes literals to a nested template's parameters
 * (`AWS::CloudFormation::Stack` `Parameters`, or `AWS::Serverless::Application`), and the nested
 * template joins them (`!Sub 'ghp_${Rest}'`): both are in the bundle, both are literals, and the
 * function the nested stack makes gets the token, while each file alone holds only a piece. A fault
 * is `it.failing` asserting the right answer; an attack refused is an ordinary test.
 */
import { checkSecrets } from '../../../src/core/gates/check-secrets.js';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';

const BODY = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

const bundleOf = (files: { path: string; content: string }[]): ArtifactBundle => ({
  summary: 'Orders API',
  plan: ['Add the stacks'],
  riskNotes: [],
  files: files.map((file) => ({ ...file, role: 'template' as const })),
  templatePath: files[0]?.path ?? 'template.yaml',
});

const NESTED = [
  'Parameters:',
  '  Rest:',
  '    Type: String',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Lambda::Function',
  '    Properties:',
  '      Environment:',
  '        Variables:',
  "          TOKEN: !Sub 'ghp_${Rest}'",
  '',
].join('\n');

const parentPassing = (value: string) =>
  [
    'Resources:',
    '  Inner:',
    '    Type: AWS::CloudFormation::Stack',
    '    Properties:',
    '      TemplateURL: nested/inner.yaml',
    '      Parameters:',
    `        Rest: ${value}`,
    '',
  ].join('\n');

describe('review10n attacker: a token assembled across a nested stack', () => {
  it('the parent passing the token’s body to the nested template’s !Sub ghp_${Rest} is refused', async () => {
    const findings = await checkSecrets(
      bundleOf([
        { path: 'template.yaml', content: parentPassing(BODY) },
        { path: 'nested/inner.yaml', content: NESTED },
      ]),
    );
    expect(findings.length).toBeGreaterThan(0);
  });
});

describe('review10n attacker: within one file (refused)', () => {
  it('the nested template with the body as its parameter Default is refused', async () => {
    const nested = NESTED.replace('    Type: String\n', `    Type: String\n    Default: ${BODY}\n`);
    const findings = await checkSecrets(bundleOf([{ path: 'nested/inner.yaml', content: nested }]));
    expect(findings.length).toBeGreaterThan(0);
  });
});
