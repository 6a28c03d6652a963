/**
 * Outputs of a parent stack re-exporting a nested stack's outputs (`!GetAtt Child.Outputs.Name`):
 * withheld when the child's output carries a secret (read from the child template when it is
 * given), every one withheld when the child cannot be read, and chains bounded
 * (src/core/cfn/nested-stack-secrets.ts through maskNoEchoOutputs).
 */
import { maskNoEchoOutputs, SECRET_ATTRIBUTE_MARKER } from '../../../src/core/cfn/mask-no-echo-outputs.js';
import { outputsReadingSecretAttributes } from '../../../src/core/cfn/secret-attribute-outputs.js';
import { MAX_NESTED_DEPTH } from '../../../src/core/risk/nested-stack-risks.js';

const URL = 'https://orders.example.com';

/** A template nesting `location` as `Child` and re-exporting its `Url` and `Secret` outputs. */
const parentOf = (location: string) =>
  [
    'Resources:',
    '  Child:',
    '    Type: AWS::CloudFormation::Stack',
    '    Properties:',
    `      TemplateURL: ${location}`,
    'Outputs:',
    '  Url:',
    '    Value: !GetAtt Child.Outputs.Url',
    '  Secret:',
    "    Value: !Sub 'key=${Child.Outputs.Secret}'",
    '  StackId:',
    '    Value: !Ref Child',
    '',
  ].join('\n');

const IAM_CHILD = [
  'Resources:',
  '  Deployer:',
  '    Type: AWS::IAM::User',
  '  DeployerKey:',
  '    Type: AWS::IAM::AccessKey',
  '    Properties:',
  '      UserName: !Ref Deployer',
  'Outputs:',
  '  Url:',
  `    Value: ${URL}`,
  '  Secret:',
  '    Value: !GetAtt DeployerKey.SecretAccessKey',
  '',
].join('\n');

const NO_ECHO_CHILD = [
  'Parameters:',
  '  DbPassword:',
  '    Type: String',
  '    NoEcho: true',
  'Resources:',
  '  Topic:',
  '    Type: AWS::SNS::Topic',
  'Outputs:',
  '  Url:',
  `    Value: ${URL}`,
  '  Secret:',
  '    Value: !Ref DbPassword',
  '',
].join('\n');

const OUTPUTS = {
  Url: URL,
  Secret: 'key=wJalrXUtnFEMI/K7MDENG',
  StackId: 'arn:aws:cloudformation:stack/child',
};

describe('a nested stack’s outputs re-exported by its parent', () => {
  it.each([
    ['a secret resource attribute', IAM_CHILD],
    ['a NoEcho parameter', NO_ECHO_CHILD],
  ])('withholds the one carrying %s when the child is read, keeping its URL', (_case, child) => {
    const masked = maskNoEchoOutputs({
      template: parentOf('nested/child.yaml'),
      parameters: {},
      outputs: OUTPUTS,
      nestedTemplates: new Map([['nested/child.yaml', child]]),
    });
    expect(masked).toEqual({ ...OUTPUTS, Secret: SECRET_ATTRIBUTE_MARKER });
  });

  it('withholds every output read from a child that is not there to read (fails closed), but not the stack id', () => {
    const masked = maskNoEchoOutputs({
      template: parentOf('https://bucket.s3.amazonaws.com/child.yaml'),
      parameters: {},
      outputs: OUTPUTS,
      nestedTemplates: new Map([['nested/child.yaml', IAM_CHILD]]),
    });
    expect(masked).toEqual({
      Url: SECRET_ATTRIBUTE_MARKER,
      Secret: SECRET_ATTRIBUTE_MARKER,
      StackId: OUTPUTS.StackId,
    });
  });

  it('withholds every output of a child template that does not parse', () => {
    const named = outputsReadingSecretAttributes(parentOf('c.yaml'), new Map([['c.yaml', 'Resources: [']]));
    expect([...named.named].sort()).toEqual(['Secret', 'Url']);
  });

  it('follows a grandchild’s secret through the child’s re-export', () => {
    const child = parentOf('grand.yaml').replace('Outputs:', 'Outputs:\n  Plain:\n    Value: x');
    const nested = new Map([
      ['child.yaml', child],
      ['grand.yaml', IAM_CHILD],
    ]);
    // The child's `Secret` re-exports the grandchild's key; its `Url`, the grandchild's URL.
    expect([...outputsReadingSecretAttributes(parentOf('child.yaml'), nested).named]).toEqual(['Secret']);
  });

  it('withholds every output of a chain deeper than the packager follows, readable or not', () => {
    /** Level i nests level i+1; the last holds only a URL. */
    const levels = MAX_NESTED_DEPTH + 1;
    const nested = new Map<string, string>();
    for (let level = 1; level < levels; level += 1)
      nested.set(`l${level}.yaml`, parentOf(`l${level + 1}.yaml`));
    nested.set(
      `l${levels}.yaml`,
      [
        'Resources:',
        '  T:',
        '    Type: AWS::SNS::Topic',
        'Outputs:',
        '  Url:',
        `    Value: ${URL}`,
        '  Secret:',
        '    Value: x',
        '',
      ].join('\n'),
    );
    expect([...outputsReadingSecretAttributes(parentOf('l1.yaml'), nested).named].sort()).toEqual([
      'Secret',
      'Url',
    ]);
    // One level less: within the bound, the URL is judged and kept.
    nested.set(`l${levels - 1}.yaml`, nested.get(`l${levels}.yaml`) ?? '');
    expect([...outputsReadingSecretAttributes(parentOf('l1.yaml'), nested).named]).toEqual([]);
  });

  it('a resource handed a child’s secret output carries it (an SSM parameter read back)', () => {
    const parent = parentOf('c.yaml').replace(
      'Outputs:',
      [
        '  Param:',
        '    Type: AWS::SSM::Parameter',
        '    Properties:',
        '      Type: String',
        '      Value: !GetAtt Child.Outputs.Secret',
        'Outputs:',
        '  Stored:',
        '    Value: !GetAtt Param.Value',
      ].join('\n'),
    );
    const named = outputsReadingSecretAttributes(parent, new Map([['c.yaml', IAM_CHILD]]));
    expect([...named.named].sort()).toEqual(['Secret', 'Stored']);
  });
});
