import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { ChangeSetResourceChange, RiskReasonCode } from '../../../src/core/risk/risk-assessment.js';
import { file } from '../gates/bundle-fixtures.js';

const TEMPLATE_PATH = 'infra/template.yaml';

/** A template around `resources` (YAML, indented two spaces under `Resources:`), with one parameter. */
function template(resources: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${extra}Parameters:
  EnvironmentName:
    Type: String
    AllowedValues: [development, staging]
  AllowedCidr:
    Type: String
Resources:
${resources}`;
}

/** A table with data kept on removal: what a low-risk change looks like. */
const RETAINED_TABLE = `  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
`;

function policy(statements: string, type = 'AWS::SNS::TopicPolicy', property = 'PolicyDocument'): string {
  return `  Topic:
    Type: AWS::SNS::Topic
  Policy:
    Type: ${type}
    Properties:
      Topics: [!Ref Topic]
      ${property}:
        Version: '2012-10-17'
        Statement:
${statements}`;
}

interface Case {
  readonly name: string;
  readonly resources?: string;
  readonly extra?: string;
  readonly files?: ReturnType<typeof file>[];
  readonly environment?: string;
  readonly production?: boolean;
  readonly changeSet?: ChangeSetResourceChange[];
  /** Every reason code expected, in order; empty means low. */
  readonly codes: readonly RiskReasonCode[];
}

const CASES: readonly Case[] = [
  { name: 'a retained table in staging', resources: RETAINED_TABLE, codes: [] },
  { name: 'source code only, no template', files: [file('src/orders/handler.ts')], codes: [] },
  {
    name: 'an IAM role',
    resources: `  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }
`,
    codes: ['iam-resource'],
  },
  {
    name: 'a role with managed policies',
    resources: `  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
`,
    codes: ['iam-resource', 'managed-policy'],
  },
  {
    name: 'an inline policy allowing every action',
    resources: `  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: everything
      Roles: [some-role]
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: '*', Resource: !GetAtt Orders.Arn }
${RETAINED_TABLE}`,
    codes: ['iam-resource', 'wildcard-action'],
  },
  {
    name: 'a service-wide action (s3:*) in a role policy',
    resources: `  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }
      Policies:
        - PolicyName: bucket
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: 's3:*', Resource: !Sub '\${Bucket.Arn}/*' }
`,
    codes: ['iam-resource', 'wildcard-action'],
  },
  {
    name: 'a role policy on Resource "*"',
    resources: `  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }
      Policies:
        - PolicyName: xray
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: [xray:PutTraceSegments], Resource: '*' }
`,
    codes: ['iam-resource', 'wildcard-resource'],
  },
  {
    name: 'an ARN naming every table (table/*) built with Fn::Join',
    resources: `  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: dynamodb:GetItem
            Resource: !Join ['', ['arn:', !Ref AWS::Partition, ':dynamodb:', !Ref AWS::Region, ':', !Ref AWS::AccountId, ':table/*']]
`,
    codes: ['iam-resource', 'wildcard-resource'],
  },
  {
    name: 'a policy resource read from a parameter (unknown, conservative)',
    resources: `  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: s3:GetObject, Resource: !Sub 'arn:aws:s3:::\${AllowedCidr}' }
`,
    codes: ['iam-resource', 'unresolved-value'],
  },
  {
    name: 'a policy action from Fn::ImportValue (unknown, conservative)',
    resources: policy(`          - Effect: Allow
            Principal: { Service: cloudwatch.amazonaws.com }
            Action: !ImportValue shared-action
            Resource: !Ref Topic
`),
    codes: ['resource-policy', 'unresolved-value'],
  },
  {
    name: 'a topic policy allowing a service',
    resources:
      policy(`          - { Effect: Allow, Principal: { Service: cloudwatch.amazonaws.com }, Action: sns:Publish, Resource: !Ref Topic }
`),
    codes: ['resource-policy'],
  },
  {
    name: 'a bucket policy that only denies (Deny narrows access)',
    resources: `  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt Bucket.Arn, !Sub '\${Bucket.Arn}/*']
            Condition: { Bool: { 'aws:SecureTransport': 'false' } }
`,
    codes: [],
  },
  {
    name: 'a public bucket policy (Principal "*")',
    resources: `  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: site
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { AWS: '*' }, Action: s3:GetObject, Resource: 'arn:aws:s3:::site/*' }
`,
    // \`site\` is a bucket this template does not make: its whole policy is replaced.
    codes: ['resource-policy', 'wildcard-principal', 'unseen-effect'],
  },
  {
    name: 'a KMS key policy: Resource "*" means this key, the policy still grants',
    resources: `  Key:
    Type: AWS::KMS::Key
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      KeyPolicy:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root' }
            Action: [kms:Describe*, kms:Get*]
            Resource: '*'
`,
    codes: ['resource-policy'],
  },
  {
    name: 'a Lambda permission for anyone',
    resources: `  Permission:
    Type: AWS::Lambda::Permission
    Properties: { FunctionName: fn, Action: lambda:InvokeFunction, Principal: '*' }
`,
    codes: ['broad-lambda-permission', 'unseen-effect'],
  },
  {
    name: 'a Lambda permission for a service without a source',
    resources: `  Permission:
    Type: AWS::Lambda::Permission
    Properties: { FunctionName: fn, Action: lambda:InvokeFunction, Principal: s3.amazonaws.com }
`,
    codes: ['broad-lambda-permission', 'unseen-effect'],
  },
  {
    name: 'a Lambda permission for a service scoped by SourceArn is narrow (the existing function `fn` is what is high)',
    resources: `  Permission:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: fn
      Action: lambda:InvokeFunction
      Principal: apigateway.amazonaws.com
      SourceArn: !Sub 'arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:api/*'
`,
    codes: ['unseen-effect'],
  },
  {
    name: 'a public function URL',
    resources: `  Permission:
    Type: AWS::Lambda::Permission
    Properties: { FunctionName: fn, Action: lambda:InvokeFunctionUrl, Principal: '*', FunctionUrlAuthType: NONE }
`,
    codes: ['broad-lambda-permission', 'unseen-effect'],
  },
  {
    name: 'a security group open to 0.0.0.0/0',
    resources: `  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
`,
    codes: ['open-ingress'],
  },
  {
    name: 'an ingress rule open to ::/0',
    resources: `  Ingress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: sg-1, IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: '::/0' }
`,
    codes: ['open-ingress'],
  },
  {
    name: 'an ingress rule limited to the VPC',
    resources: `  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: internal
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16 }
`,
    codes: [],
  },
  {
    name: 'an ingress CIDR from a parameter (unknown, conservative)',
    resources: `  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !Ref AllowedCidr }
`,
    codes: ['unresolved-value'],
  },
  {
    name: 'a table with the default DeletionPolicy (Delete)',
    resources: `  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
`,
    codes: ['stateful-delete-policy', 'stateful-delete-policy'],
  },
  {
    name: 'an RDS cluster relying on its default Snapshot policy',
    resources: `  Database:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: aurora-postgresql }
`,
    // No stateful-delete-policy; RDS is not on the reviewed list (REVIEWED_RESOURCE_TYPES).
    codes: ['unseen-effect'],
  },
  {
    name: 'a file under .github/',
    files: [file('.github/workflows/deploy.yml', 'on: push\n', 'config')],
    codes: ['github-path'],
  },
  {
    name: 'a production target',
    resources: RETAINED_TABLE,
    production: true,
    environment: 'production',
    codes: ['production-target'],
  },
  {
    name: 'a change set removing a resource',
    resources: RETAINED_TABLE,
    changeSet: [{ action: 'Remove', logicalResourceId: 'OldQueue', resourceType: 'AWS::SQS::Queue' }],
    codes: ['change-remove'],
  },
  {
    name: 'a change set replacing a resource',
    resources: RETAINED_TABLE,
    changeSet: [
      {
        action: 'Modify',
        logicalResourceId: 'Orders',
        resourceType: 'AWS::DynamoDB::Table',
        replacement: 'True',
      },
    ],
    codes: ['change-replacement'],
  },
  {
    name: 'a change set that may replace a resource',
    resources: RETAINED_TABLE,
    changeSet: [
      {
        action: 'Modify',
        logicalResourceId: 'Orders',
        resourceType: 'AWS::DynamoDB::Table',
        replacement: 'Conditional',
      },
    ],
    codes: ['change-conditional-replacement'],
  },
  {
    name: 'a change set that adds and modifies in place',
    resources: RETAINED_TABLE,
    changeSet: [
      { action: 'Add', logicalResourceId: 'Queue', resourceType: 'AWS::SQS::Queue' },
      {
        action: 'Modify',
        logicalResourceId: 'Orders',
        resourceType: 'AWS::DynamoDB::Table',
        replacement: 'False',
      },
    ],
    codes: [],
  },
  {
    name: 'a change set with a dynamic action',
    resources: RETAINED_TABLE,
    changeSet: [
      { action: 'Dynamic', logicalResourceId: 'Nested', resourceType: 'AWS::CloudFormation::Stack' },
    ],
    codes: ['change-dynamic'],
  },
  {
    name: 'a SAM function without a role (SAM creates one)',
    extra: 'Transform: AWS::Serverless-2016-10-31\n',
    resources: `  Fn:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs22.x, CodeUri: src/ }
`,
    codes: ['implicit-iam-role'],
  },
  {
    name: 'a macro transform (output unknown)',
    extra: 'Transform: MyCompany::Expand\n',
    resources: RETAINED_TABLE,
    codes: ['unresolved-value'],
  },
  {
    name: 'a nested template not declared a template is still judged',
    files: [
      file(
        'infra/nested/roles.json',
        JSON.stringify({ Resources: { Role: { Type: 'AWS::IAM::Role' } } }),
        'config',
      ),
      file('config/settings.json', JSON.stringify({ Resources: ['not', 'a', 'template'] }), 'config'),
      file('config/broken.yaml', 'a: [', 'config'),
    ],
    codes: ['iam-resource'],
  },
  {
    name: 'a template that does not parse',
    files: [file(TEMPLATE_PATH, 'Resources: [unclosed\n', 'template')],
    codes: ['template-unreadable'],
  },
  {
    name: 'a policy statement chosen with Fn::If over a wildcard',
    resources: policy(`          - Effect: Allow
            Principal: !If [IsProd, { Service: sns.amazonaws.com }, '*']
            Action: sns:Publish
            Resource: !Ref Topic
`),
    codes: ['resource-policy', 'wildcard-principal'],
  },
];

describe('classifyRisk', () => {
  it('has at least 25 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  it.each(CASES.map((item) => [item.name, item] as const))('%s', (_name, item) => {
    const files = item.files ?? [
      file(TEMPLATE_PATH, template(item.resources ?? RETAINED_TABLE, item.extra), 'template'),
    ];
    const risk = classifyRisk({
      files,
      ...(item.files === undefined ? { templatePath: TEMPLATE_PATH } : {}),
      targetEnvironment: item.environment ?? 'staging',
      production: item.production ?? false,
      ...(item.changeSet === undefined ? {} : { changeSet: item.changeSet }),
    });
    expect(risk.reasons.map((reason) => reason.code)).toEqual(item.codes);
    expect(risk.level).toBe(item.codes.length === 0 ? 'low' : 'high');
    for (const reason of risk.reasons) {
      expect(reason.message).not.toBe('');
      expect(reason.where).not.toBe('');
    }
  });

  it('says where each reason is and which value could not be read', () => {
    const risk = classifyRisk({
      files: [
        file(
          TEMPLATE_PATH,
          template(`  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !Ref AllowedCidr }
`),
          'template',
        ),
      ],
      targetEnvironment: 'staging',
      production: false,
    });
    expect(risk.reasons).toEqual([
      {
        code: 'unresolved-value',
        where: `${TEMPLATE_PATH}#Resources.Group.Properties.SecurityGroupIngress[0].CidrIp`,
        message:
          'Ingress CidrIp depends on parameter AllowedCidr, which is set at deploy time; treated as open to the internet.',
      },
    ]);
  });

  it('never throws on malformed policies and intrinsics', () => {
    const odd = [
      'PolicyDocument: { Statement: "not a list" }',
      'PolicyDocument: { Statement: [42, null, { Effect: { "Fn::Nope": 1 } }] }',
      'PolicyDocument: { Statement: [{ Effect: Allow, Action: { Ref: [1] }, Resource: { "Fn::Sub": 7 } }] }',
      'PolicyDocument: { Statement: [{ Effect: Allow, Action: { "Fn::Join": [1, 2] }, Resource: { "Fn::If": [c] } }] }',
      'PolicyDocument: { Statement: [{ Effect: Allow, Action: x, Resource: { "Fn::Sub": ["${A}${B}${C}", { A: [a, b, c, d], B: [a, b, c, d], C: [a, b, c, d, e] }] } }] }',
    ];
    for (const property of odd) {
      const text = template(`  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      ${property}\n`);
      const risk = classifyRisk({
        files: [file(TEMPLATE_PATH, text, 'template')],
        targetEnvironment: 'dev',
        production: false,
      });
      expect(risk.level).toBe('high');
    }
  });
});
