import { automatedChangeRefusal } from '../../../src/core/deploy/automated-change-refusal.js';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { REVIEWED_RESOURCE_TYPES } from '../../../src/core/risk/reviewed-resource-types.js';
import { reasonsOf, riskOf } from './risk-of.js';

// "Low" is a positive claim (DESIGN §4, "unknown counts as high"): only resource types and
// properties on the reviewed list (REVIEWED_RESOURCE_TYPES) can be low; anything else is
// `unseen-effect` and a person reviews it.

const OTHER = '999999999999';
const levelOf = (resources: Record<string, unknown>) => riskOf({ Resources: resources }).level;
const codesAt = (body: Record<string, unknown>, id: string) =>
  reasonsOf(body)
    .filter((reason) => reason.split(' ')[1]?.startsWith(`Resources.${id}`))
    .map((reason) => reason.split(' ')[0] ?? '');

describe('types the classifier has not reviewed', () => {
  it.each([
    ['a Kinesis stream', 'AWS::Kinesis::Stream', { ShardCount: 1 }],
    ['a VPC endpoint', 'AWS::EC2::VPCEndpoint', { VpcId: 'vpc-0abc', ServiceName: 'com.amazonaws.x' }],
    ['a DataSync task', 'AWS::DataSync::Task', { SourceLocationArn: 'a', DestinationLocationArn: 'b' }],
    ['an AppSync API', 'AWS::AppSync::GraphQLApi', { Name: 'a', AuthenticationType: 'AWS_IAM' }],
    ['a Glue job', 'AWS::Glue::Job', { Command: { Name: 'glueetl' } }],
    ['a future AWS type', 'AWS::NewService::Thing', {}],
  ])('%s is unseen-effect naming its type and asking for a person', (_name, type, properties) => {
    const risk = riskOf({ Resources: { R: { Type: type, Properties: properties } } });
    expect(risk.level).toBe('high');
    const reason = risk.reasons.find((found) => found.code === 'unseen-effect');
    expect(reason?.where).toBe('infra/template.json#Resources.R');
    expect(reason?.message).toContain(type);
    expect(reason?.message).toContain('a person must review it');
  });

  it('a whole resource already sent to a person (an IAM user) is not listed again as unreviewed', () => {
    expect(reasonsOf({ Resources: { U: { Type: 'AWS::IAM::User', Properties: {} } } })).toEqual([
      'iam-resource Resources.U',
    ]);
  });

  it('a custom resource run by a function of this template is judged by its function, not listed', () => {
    expect(
      codesAt(
        {
          Resources: {
            Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Role: 'x' } },
            C: {
              Type: 'Custom::Seed',
              Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] }, Rows: 3 },
            },
          },
        },
        'C',
      ),
    ).toEqual([]);
  });
});

describe('properties the classifier has not reviewed on a reviewed type', () => {
  it.each([
    [
      'S3 server access logs to a bucket',
      'AWS::S3::Bucket',
      { LoggingConfiguration: { DestinationBucketName: 'logs' } },
      'LoggingConfiguration',
    ],
    [
      'an ECS task run by a rule target',
      'AWS::Events::Rule',
      {
        ScheduleExpression: 'rate(1 day)',
        Targets: [
          {
            Id: 't',
            Arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/c',
            EcsParameters: { TaskDefinitionArn: 'x' },
          },
        ],
      },
      'Targets[0].EcsParameters',
    ],
    [
      'a launch template interface with IPv6 prefixes',
      'AWS::EC2::LaunchTemplate',
      { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, Ipv6PrefixCount: 1 }] } },
      'LaunchTemplateData.NetworkInterfaces[0].Ipv6PrefixCount',
    ],
    [
      'a bucket notification written on an Fn::If branch',
      'AWS::S3::Bucket',
      { NotificationConfiguration: { 'Fn::If': ['C', { Other: 1 }, { Ref: 'AWS::NoValue' }] } },
      'NotificationConfiguration.Other',
    ],
  ])('%s is unseen-effect at the property', (_name, type, properties, property) => {
    const risk = riskOf({
      Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
      Resources: {
        R: { Type: type, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: properties },
      },
    });
    const reason = risk.reasons.find(
      (found) => found.where === `infra/template.json#Resources.R.Properties.${property}`,
    );
    expect(reason?.code).toBe('unseen-effect');
    expect(reason?.message).toContain(type);
    expect(reason?.message).toContain('a person must review it');
  });

  it('a reviewed structure computed by an intrinsic cannot be looked into', () => {
    expect(
      reasonsOf({
        Parameters: { P: { Type: 'String' } },
        Resources: {
          B: {
            Type: 'AWS::S3::Bucket',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: { NotificationConfiguration: { 'Fn::ImportValue': 'shared-notifications' } },
          },
        },
      }),
    ).toContain('unseen-effect Resources.B.Properties.NotificationConfiguration');
  });

  it('a property name from the object prototype is not reviewed', () => {
    expect(
      reasonsOf({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { constructor: 'x' } } } }),
    ).toEqual(['unseen-effect Resources.Q.Properties.constructor']);
  });

  it('control: the reviewed properties of a reviewed type stay low', () => {
    expect(
      levelOf({
        Q: {
          Type: 'AWS::SQS::Queue',
          Properties: { VisibilityTimeout: 30, Tags: [{ Key: 'a', Value: 'b' }] },
        },
        S: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-0abc', CidrBlock: '10.0.1.0/24' } },
      }),
    ).toBe('low');
  });

  it('every reviewed type is an AWS type with a shape per property', () => {
    for (const [type, shape] of REVIEWED_RESOURCE_TYPES) {
      expect(type).toMatch(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
      expect(typeof shape).toBe('object');
    }
  });
});

describe('Json properties written as text are read as objects', () => {
  const queue = (redrive: unknown) => ({
    D: { Type: 'AWS::SQS::Queue', Properties: {} },
    Q: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: redrive } },
  });

  it('an SNS subscription RedrivePolicy as JSON text naming another account is data-egress', () => {
    expect(
      codesAt(
        {
          Resources: {
            T: { Type: 'AWS::SNS::Topic' },
            D: { Type: 'AWS::SQS::Queue', Properties: {} },
            S: {
              Type: 'AWS::SNS::Subscription',
              Properties: {
                TopicArn: { Ref: 'T' },
                Protocol: 'sqs',
                Endpoint: { 'Fn::GetAtt': ['D', 'Arn'] },
                RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:${OTHER}:dlq` }),
              },
            },
          },
        },
        'S',
      ),
    ).toEqual(['data-egress']);
  });

  it('a RedrivePolicy built with Fn::Sub as JSON text is read: another account is data-egress', () => {
    const text = `{"deadLetterTargetArn": "arn:aws:sqs:\${AWS::Region}:${OTHER}:dlq", "maxReceiveCount": 3}`;
    expect(codesAt({ Resources: queue({ 'Fn::Sub': text }) }, 'Q')).toEqual(['data-egress']);
  });

  it('control: a RedrivePolicy as JSON text to this account or this template stays low', () => {
    expect(levelOf(queue({ 'Fn::Sub': '{"deadLetterTargetArn": "${D.Arn}", "maxReceiveCount": 3}' }))).toBe(
      'low',
    );
    expect(
      levelOf(
        queue({
          'Fn::Sub': '{"deadLetterTargetArn": "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:dlq"}',
        }),
      ),
    ).toBe('low');
  });
});

describe('HTTP API integrations', () => {
  const integration = (type: string, uri: unknown) => ({
    Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Role: 'x' } },
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'HTTP' } },
    I: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: { ApiId: { Ref: 'Api' }, IntegrationType: type, IntegrationUri: uri },
    },
  });

  it('an HTTP_PROXY integration forwarding every request to an outside URL is data-egress', () => {
    expect(
      codesAt({ Resources: integration('HTTP_PROXY', 'https://collector.example.net/{proxy}') }, 'I'),
    ).toEqual(['data-egress']);
  });

  it('control: a Lambda proxy integration to a function of this template is not data-egress', () => {
    expect(codesAt({ Resources: integration('AWS_PROXY', { 'Fn::GetAtt': ['Fn', 'Arn'] }) }, 'I')).toEqual(
      [],
    );
  });
});

describe("a destination's account position", () => {
  const alarm = (action: unknown, extra: Record<string, unknown> = {}) => ({
    ...extra,
    A: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [action],
      },
    },
  });

  it.each([
    ['the stack name', { 'Fn::Sub': 'arn:aws:sns:${AWS::Region}:${AWS::StackName}:t' }],
    ["a resource's attribute", { 'Fn::Sub': 'arn:aws:sns:${AWS::Region}:${T.TopicName}:t' }],
    ['a parameter without allowed values', { 'Fn::Sub': 'arn:aws:sns:${AWS::Region}:${Account}:t' }],
    ['a literal account id', `arn:aws:sns:us-east-1:${OTHER}:t`],
  ])('built from %s is not known to be this account', (_name, action) => {
    expect(
      riskOf({
        Parameters: { Account: { Type: 'String' } },
        Resources: alarm(action, { T: { Type: 'AWS::SNS::Topic' } }),
      }).level,
    ).toBe('high');
  });

  it('control: AWS::AccountId, and a topic of this template, are this account', () => {
    expect(levelOf(alarm({ 'Fn::Sub': 'arn:aws:sns:${AWS::Region}:${AWS::AccountId}:t' }))).toBe('low');
    expect(levelOf(alarm({ Ref: 'T' }, { T: { Type: 'AWS::SNS::Topic' } }))).toBe('low');
  });

  it('a security group owner given as a resource name is unknown, not this account', () => {
    expect(
      codesAt(
        {
          Resources: {
            P: { Type: 'AWS::SSM::Parameter', Properties: { Name: OTHER, Type: 'String', Value: 'x' } },
            G: {
              Type: 'AWS::EC2::SecurityGroupIngress',
              Properties: {
                GroupId: 'sg-0abc',
                IpProtocol: 'tcp',
                FromPort: 443,
                ToPort: 443,
                SourceSecurityGroupId: 'sg-0def',
                SourceSecurityGroupOwnerId: { Ref: 'P' },
              },
            },
          },
        },
        'G',
      ),
    ).not.toEqual([]);
  });

  it('S3 inventory to this account (AWS::AccountId, a bucket of this template) stays low', () => {
    expect(
      levelOf({
        Reports: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
        B: {
          Type: 'AWS::S3::Bucket',
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: {
            InventoryConfigurations: [
              {
                Id: 'i',
                Enabled: true,
                IncludedObjectVersions: 'All',
                ScheduleFrequency: 'Daily',
                Destination: {
                  BucketArn: { 'Fn::GetAtt': ['Reports', 'Arn'] },
                  BucketAccountId: { Ref: 'AWS::AccountId' },
                  Format: 'CSV',
                },
              },
            ],
          },
        },
      }),
    ).toBe('low');
  });

  it('S3 notifications to a queue and a function of another account are data-egress', () => {
    expect(
      codesAt(
        {
          Resources: {
            B: {
              Type: 'AWS::S3::Bucket',
              DeletionPolicy: 'Retain',
              UpdateReplacePolicy: 'Retain',
              Properties: {
                NotificationConfiguration: {
                  QueueConfigurations: [
                    { Event: 's3:ObjectCreated:*', Queue: `arn:aws:sqs:us-east-1:${OTHER}:q` },
                  ],
                  LambdaConfigurations: [
                    { Event: 's3:ObjectCreated:*', Function: `arn:aws:lambda:us-east-1:${OTHER}:function:f` },
                  ],
                },
              },
            },
          },
        },
        'B',
      ),
    ).toEqual(['data-egress', 'data-egress']);
  });
});

describe('public IPv6 addresses', () => {
  it.each([
    [
      'a subnet assigning IPv6 addresses',
      'AWS::EC2::Subnet',
      { VpcId: 'vpc-0abc', AssignIpv6AddressOnCreation: true },
      'AssignIpv6AddressOnCreation',
    ],
    [
      'an instance given IPv6 addresses',
      'AWS::EC2::Instance',
      {
        ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        SubnetId: { Ref: 'S' },
        Ipv6Addresses: [{ Ipv6Address: '2001:db8::1' }],
      },
      'Ipv6Addresses',
    ],
    [
      'an instance interface given an IPv6 address count',
      'AWS::EC2::Instance',
      {
        ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: { Ref: 'S' }, Ipv6AddressCount: 1 }],
      },
      'NetworkInterfaces[0].Ipv6AddressCount',
    ],
    [
      'a launch template interface given IPv6 addresses',
      'AWS::EC2::LaunchTemplate',
      { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, Ipv6AddressCount: 2 }] } },
      'LaunchTemplateData.NetworkInterfaces[0].Ipv6AddressCount',
    ],
  ])('%s is public-access', (_name, type, properties, property) => {
    // An instance sits in this template's subnet `S`: one named by id is an unseen effect of its own.
    const S = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-0abc', CidrBlock: '10.0.1.0/24' } };
    expect(reasonsOf({ Resources: { R: { Type: type, Properties: properties }, S } })).toEqual([
      `public-access Resources.R.Properties.${property}`,
    ]);
  });

  it('control: a subnet that does not assign IPv6 addresses on creation is low', () => {
    expect(
      levelOf({
        S: {
          Type: 'AWS::EC2::Subnet',
          Properties: { VpcId: 'vpc-0abc', AssignIpv6AddressOnCreation: false },
        },
      }),
    ).toBe('low');
  });
});

describe('instances and subnets', () => {
  const subnet = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-0abc', CidrBlock: '10.0.1.0/24' } };
  const instance = (properties: Record<string, unknown>) => ({
    Type: 'AWS::EC2::Instance',
    Properties: {
      ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      InstanceType: 't3.micro',
      ...properties,
    },
  });

  it('an instance in a subnet of this template is low (it was flagged as a deploy-time value)', () => {
    expect(levelOf({ S: subnet, I: instance({ SubnetId: { Ref: 'S' } }) })).toBe('low');
  });

  // Review #9f: an existing subnet may map public IPs (`MapPublicIpOnLaunch`), which the change does not show.
  it('an instance in a subnet given as a parameter is unseen-effect: that subnet may map public IPs', () => {
    expect(
      codesAt(
        {
          Parameters: { Subnet: { Type: 'AWS::EC2::Subnet::Id' } },
          Resources: { I: instance({ SubnetId: { Ref: 'Subnet' } }) },
        },
        'I',
      ),
    ).toEqual(['unseen-effect']);
  });

  it('control: an instance with no subnet (the default VPC), or a subnet only on one branch, is public-access', () => {
    expect(codesAt({ Resources: { I: instance({}) } }, 'I')).toEqual(['public-access']);
    expect(
      codesAt(
        {
          Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
          Resources: {
            S: subnet,
            I: instance({ SubnetId: { 'Fn::If': ['C', { Ref: 'S' }, { Ref: 'AWS::NoValue' }] } }),
          },
        },
        'I',
      ),
    ).toEqual(['public-access']);
  });
});

describe('nested stacks in a change set', () => {
  it('a modified nested stack is unseen-effect for the classifier and refused for automated deploys', () => {
    const risk = classifyRisk({
      files: [],
      targetEnvironment: 'staging',
      production: false,
      changeSet: [
        {
          action: 'Modify',
          logicalResourceId: 'Network',
          resourceType: 'AWS::CloudFormation::Stack',
          replacement: 'False',
        },
      ],
    });
    expect(risk.reasons.map((reason) => `${reason.code} ${reason.where}`)).toEqual([
      'unseen-effect change set: Network',
    ]);
    expect(
      automatedChangeRefusal({
        changes: [{ action: 'Modify', logicalId: 'Network', resourceType: 'AWS::CloudFormation::Stack' }],
        environment: 'staging',
      }),
    ).toContain('nested stack');
  });

  it('control: a nested stack added (nothing inside it exists to lose) is not refused', () => {
    expect(
      automatedChangeRefusal({
        changes: [{ action: 'Add', logicalId: 'Network', resourceType: 'AWS::CloudFormation::Stack' }],
        environment: 'staging',
      }),
    ).toBeUndefined();
  });
});
