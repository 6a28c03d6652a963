/**
 * checkSecrets reads a nested template of the bundle with the literals its parent passes it
 * (`AWS::CloudFormation::Stack` `TemplateURL`, `AWS::Serverless::Application` `Location`), so a
 * token assembled across the boundary is refused; past MAX_NESTED_STACK_PAIRS it fails closed.
 */
import { checkSecrets } from '../../../src/core/gates/check-secrets.js';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { MAX_NESTED_STACK_PAIRS } from '../../../src/core/secrets/nested-stack-secrets.js';

const BODY = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

const bundleOf = (files: { path: string; content: string }[]): ArtifactBundle => ({
  summary: 'Orders API',
  plan: ['Add the stacks'],
  riskNotes: [],
  files: files.map((file) => ({ ...file, role: 'template' as const })),
  templatePath: 'template.yaml',
});

const child = (token: string) =>
  [
    'Parameters:',
    '  Rest:',
    '    Type: String',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Lambda::Function',
    '    Properties:',
    '      Environment:',
    '        Variables:',
    `          TOKEN: ${token}`,
    '',
  ].join('\n');

const parent = (stacks: { id: string; type: string; property: string; location: string; rest: string }[]) =>
  [
    'Resources:',
    ...stacks.flatMap(({ id, type, property, location, rest }) => [
      `  ${id}:`,
      `    Type: ${type}`,
      '    Properties:',
      `      ${property}: ${location}`,
      '      Parameters:',
      `        Rest: ${rest}`,
    ]),
    '',
  ].join('\n');

describe('checkSecrets across nested stacks', () => {
  it('a SAM application’s Location and Parameters are read as a stack’s', async () => {
    const findings = await checkSecrets(
      bundleOf([
        {
          path: 'template.yaml',
          content: parent([
            {
              id: 'App',
              type: 'AWS::Serverless::Application',
              property: 'Location',
              location: 'apps/app.yaml',
              rest: BODY,
            },
          ]),
        },
        { path: 'apps/app.yaml', content: child("!Join ['', ['ghp_', !Ref Rest]]") },
      ]),
    );
    expect(findings.map((finding) => finding.path)).toContain('apps/app.yaml');
    expect(findings.some((finding) => finding.message.includes('nested stack App'))).toBe(true);
    expect(JSON.stringify(findings)).not.toContain(BODY);
  });

  it('a JSON parent spelling TemplateURL with a \\u escape is read', async () => {
    const content = JSON.stringify({
      Resources: {
        Inner: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: { TemplateURL: 'inner.yaml', Parameters: { Rest: BODY } },
        },
      },
    }).replace('TemplateURL', 'Template\\u0055RL');
    const findings = await checkSecrets(
      bundleOf([
        { path: 'template.json', content },
        { path: 'inner.yaml', content: child("!Sub 'ghp_${Rest}'") },
      ]),
    );
    expect(findings.some((finding) => finding.message.includes('nested stack Inner'))).toBe(true);
  });

  it('a Ref to the parent’s parameter passes that parameter’s Default', async () => {
    const content = [
      'Parameters:',
      '  Body:',
      '    Type: String',
      `    Default: ${BODY}`,
      parent([
        {
          id: 'Inner',
          type: 'AWS::CloudFormation::Stack',
          property: 'TemplateURL',
          location: 'inner.yaml',
          rest: '!Ref Body',
        },
      ]),
    ].join('\n');
    const findings = await checkSecrets(
      bundleOf([
        { path: 'template.yaml', content },
        { path: 'inner.yaml', content: child("!Sub 'ghp_${Rest}'") },
      ]),
    );
    expect(findings.some((finding) => finding.message.includes('nested stack Inner'))).toBe(true);
  });

  it('harmless parameters pass', async () => {
    const findings = await checkSecrets(
      bundleOf([
        {
          path: 'template.yaml',
          content: parent([
            {
              id: 'Inner',
              type: 'AWS::CloudFormation::Stack',
              property: 'TemplateURL',
              location: 'inner.yaml',
              rest: 'orders',
            },
          ]),
        },
        { path: 'inner.yaml', content: child("!Sub 'table-${Rest}'") },
      ]),
    );
    expect(findings).toEqual([]);
  });

  it(`more than ${MAX_NESTED_STACK_PAIRS} pairs fail closed`, async () => {
    const stacks = Array.from({ length: MAX_NESTED_STACK_PAIRS + 1 }, (_, index) => ({
      id: `Inner${index}`,
      type: 'AWS::CloudFormation::Stack',
      property: 'TemplateURL',
      location: 'inner.yaml',
      rest: 'orders',
    }));
    const findings = await checkSecrets(
      bundleOf([
        { path: 'template.yaml', content: parent(stacks) },
        { path: 'inner.yaml', content: child("!Sub 'table-${Rest}'") },
      ]),
    );
    expect(findings.some((finding) => finding.message.includes(`more than ${MAX_NESTED_STACK_PAIRS}`))).toBe(
      true,
    );
  });
});
