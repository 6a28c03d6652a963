import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

// Review #9 attacker pass on the hybrid/automated risk classifier. Model output is untrusted
// (DESIGN §5b): a generated template that opens the same access in another shape must still be
// high risk, or hybrid mode auto-merges and deploys it on merge. "FAULT:" cases are
// `it.failing`: they assert the right answer, which the code does not give yet.

const TEMPLATE = 'services/orders-api/template.yaml';

function levelOf(template: string): string {
  return classifyRisk({
    files: [{ path: TEMPLATE, content: template, role: 'template' }],
    templatePath: TEMPLATE,
    targetEnvironment: 'staging',
    production: false,
  }).level;
}

const withResources = (resources: string) =>
  `AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Open:\n    Type: String\n    AllowedValues: ['yes', 'no']\nConditions:\n  IsOpen: !Equals [!Ref Open, 'yes']\nResources:\n${resources}`;

describe('review #9 attacks: the risk classifier', () => {
  it('control: one ingress rule from 0.0.0.0/0 is high', () => {
    expect(
      levelOf(
        withResources(
          '  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n',
        ),
      ),
    ).toBe('high');
  });

  // ingressRisks flags only prefix length 0: 0.0.0.0/1 and 128.0.0.0/1 together are the whole
  // IPv4 internet (and a single /1 half of it), yet each rule reads as not open.
  it('FAULT: the whole internet split into two /1 ingress rules is high', () => {
    expect(
      levelOf(
        withResources(
          '  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/1\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 128.0.0.0/1\n',
        ),
      ),
    ).toBe('high');
  });

  // ingressRisks reads `SecurityGroupIngress` only when it is a YAML list; wrapped in an intrinsic
  // (`!If [IsOpen, [...], []]`, which CloudFormation resolves to the list) it is not read at all.
  it('FAULT: an ingress list wrapped in Fn::If that opens 0.0.0.0/0 is high', () => {
    expect(
      levelOf(
        withResources(
          '  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress: !If\n        - IsOpen\n        - - IpProtocol: tcp\n            FromPort: 22\n            ToPort: 22\n            CidrIp: 0.0.0.0/0\n        - []\n',
        ),
      ),
    ).toBe('high');
  });

  // A nested stack's template is fetched at deploy time from TemplateURL: nothing in the bundle
  // shows what it creates (IAM, open ingress…). "Anything the classifier cannot read" is high.
  it('FAULT: a nested stack from a TemplateURL the bundle does not hold is high', () => {
    expect(
      levelOf(
        withResources(
          '  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example-bucket.s3.amazonaws.com/anything.yaml\n',
        ),
      ),
    ).toBe('high');
  });

  // No IAM resource, no policy in the bundle: the function simply runs as an existing role named
  // by ARN (an admin role, say). The classifier sees nothing to flag, though the change hands
  // that role's permissions to generated code (iam:PassRole in effect).
  it('FAULT: a function that runs as an existing role given by ARN is high', () => {
    expect(
      levelOf(
        withResources(
          "  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs20.x\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/OrganizationAccountAccessRole\n      Code:\n        ZipFile: 'exports.handler = async () => 1'\n",
        ),
      ),
    ).toBe('high');
  });

  // A custom resource runs whatever Lambda its ServiceToken names, with that function's role, at
  // deploy time: nothing in the bundle shows what it does.
  it('FAULT: a custom resource backed by a Lambda outside the bundle is high', () => {
    expect(
      levelOf(
        withResources(
          '  Anything:\n    Type: Custom::Anything\n    Properties:\n      ServiceToken: arn:aws:lambda:ap-southeast-2:123456789012:function:admin-tool\n',
        ),
      ),
    ).toBe('high');
  });

  // GitHub reads CODEOWNERS from `.github/`, the repository root or `docs/` (docs.github.com,
  // *About code owners*). Only `.github/` is flagged (`github-path`) and protected by the path
  // gate; a generated root or docs/ CODEOWNERS rewrites who must review, and in hybrid mode it is
  // low risk and auto-merged.
  it.each(['CODEOWNERS', 'docs/CODEOWNERS'])('FAULT: a generated %s is high risk', (path) => {
    const assessment = classifyRisk({
      files: [{ path, content: '* @someone-else\n', role: 'source' }],
      targetEnvironment: 'staging',
      production: false,
    });
    expect(assessment.level).toBe('high');
  });
});

describe('review #9 attacks: the risk classifier, siblings', () => {
  const sg = (ingress: string) =>
    withResources(
      `  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n${ingress}`,
    );
  const rule = (field: string, cidr: string) =>
    `        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          ${field}: ${cidr}\n`;

  it.each([
    ['a /7 (1/128 of IPv4)', rule('CidrIp', '0.0.0.0/7'), 'high'],
    ['a /2', rule('CidrIp', '64.0.0.0/2'), 'high'],
    ['an IPv6 /8', rule('CidrIpv6', '2000::/8'), 'high'],
    ['an IPv6 /15', rule('CidrIpv6', '2000::/15'), 'high'],
    ['a private /8', rule('CidrIp', '10.0.0.0/8'), 'low'],
    ['a /24', rule('CidrIp', '203.0.113.0/24'), 'low'],
    ['an IPv6 /16', rule('CidrIpv6', '2001:db8::/16'), 'low'],
  ])('ingress from %s is %s', (_name, ingress, level) => {
    expect(levelOf(sg(ingress))).toBe(level);
  });

  it('one rule wrapped in Fn::If inside the list is read on both branches', () => {
    expect(
      levelOf(
        sg(
          "        - !If\n          - IsOpen\n          - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n          - !Ref 'AWS::NoValue'\n",
        ),
      ),
    ).toBe('high');
  });

  it('an Fn::If whose branches are both narrow is low', () => {
    expect(
      levelOf(
        withResources(
          '  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress: !If\n        - IsOpen\n        - - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16 }\n        - []\n',
        ),
      ),
    ).toBe('low');
  });

  it('an ingress list only known at deploy time (a Split of a parameter) is high', () => {
    expect(
      levelOf(
        withResources(
          "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress: !Split [',', !Ref Open]\n",
        ),
      ),
    ).toBe('high');
  });

  it('a SAM nested application is high', () => {
    expect(
      levelOf(
        withResources(
          '  App:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: https://example-bucket.s3.amazonaws.com/app.yaml\n',
        ),
      ),
    ).toBe('high');
  });

  it.each([
    [
      'an ECS task role by ARN',
      '  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: arn:aws:iam::123456789012:role/admin\n      ContainerDefinitions: []\n',
    ],
    [
      'a state machine role from a parameter',
      '  Sm:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      RoleArn: !Ref Open\n      DefinitionString: "{}"\n',
    ],
    [
      'a CloudFormation::CustomResource by ARN',
      '  C:\n    Type: AWS::CloudFormation::CustomResource\n    Properties:\n      ServiceToken: !Sub arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:tool\n',
    ],
  ])('%s is high', (_name, resources) => {
    expect(levelOf(withResources(resources))).toBe('high');
  });

  it('a custom resource backed by a function of this template is judged by that function (low here)', () => {
    expect(
      levelOf(
        withResources(
          "  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs20.x\n      Handler: index.handler\n      Role: !GetAtt Existing.Arn\n      Code:\n        ZipFile: 'exports.handler = async () => 1'\n  Existing:\n    Type: AWS::SQS::Queue\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n  Thing:\n    Type: Custom::Thing\n    Properties:\n      ServiceToken: !GetAtt Fn.Arn\n",
        ),
      ),
    ).toBe('low');
  });
});
