import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { QUEUE, reasonsOf, riskOf } from './risk-of.js';

// Review #9 fourth attacker pass on the risk classifier (DESIGN §4: access granted, the network
// opened, or an effect outside the change escalates hybrid to guided; "unknown counts as high").
// Each "FAULT:" case is a template the classifier called low, so hybrid and automated modes would
// auto-merge it and deploy it on merge: it changes the account's CloudFormation registry (code run
// on every other stack), sends data to another account or outside AWS, exposes an API, a cluster
// endpoint or an instance to the internet, or opens a network ACL to the world.

const SAM = 'AWS::Serverless-2016-10-31';
const levelOf = (resources: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  riskOf({ ...extra, Resources: resources }).level;
const codesAt = (resources: Record<string, unknown>, id: string, extra: Record<string, unknown> = {}) =>
  reasonsOf({ ...extra, Resources: resources })
    .filter((reason) => reason.split(' ')[1]?.startsWith(`Resources.${id}`))
    .map((reason) => reason.split(' ')[0]);

describe('review #9d attacks: the CloudFormation registry', () => {
  // A macro runs its Lambda function over every template in the account that names it; a
  // registered resource or hook type runs handler code (with its own execution role) on stack
  // operations; an activated public extension is a third party's code; a hook's configuration
  // turns it on for every stack of the account.
  it.each([
    [
      'AWS::CloudFormation::Macro',
      { Name: 'Expand', FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:m' },
    ],
    [
      'AWS::CloudFormation::ResourceVersion',
      { TypeName: 'Acme::Orders::Thing', SchemaHandlerPackage: 's3://b/k.zip' },
    ],
    [
      'AWS::CloudFormation::HookVersion',
      { TypeName: 'Acme::Orders::Hook', SchemaHandlerPackage: 's3://b/k.zip' },
    ],
    [
      'AWS::CloudFormation::ModuleVersion',
      { ModuleName: 'Acme::Orders::Net::MODULE', ModulePackage: 's3://b/m.zip' },
    ],
    [
      'AWS::CloudFormation::TypeActivation',
      { PublicTypeArn: 'arn:aws:cloudformation:us-east-1::type/resource/abc/Foo-Bar-Baz' },
    ],
    ['AWS::CloudFormation::HookTypeConfig', { TypeName: 'Acme::Orders::Hook', Configuration: '{}' }],
    [
      'AWS::CloudFormation::HookDefaultVersion',
      { TypeVersionArn: 'arn:aws:cloudformation:us-east-1:123456789012:type/hook/Acme-Orders-Hook/00000002' },
    ],
    [
      'AWS::CloudFormation::ResourceDefaultVersion',
      {
        TypeVersionArn:
          'arn:aws:cloudformation:us-east-1:123456789012:type/resource/Acme-Orders-Thing/00000002',
      },
    ],
    [
      'AWS::CloudFormation::ModuleDefaultVersion',
      { Arn: 'arn:aws:cloudformation:us-east-1:123456789012:type/module/Acme-Orders-Net-MODULE/00000002' },
    ],
    ['AWS::CloudFormation::PublicTypeVersion', { TypeName: 'Acme::Orders::Thing', Type: 'RESOURCE' }],
    ['AWS::CloudFormation::Publisher', { AcceptTermsAndConditions: true }],
  ])('FAULT: %s (registers or runs code on other stacks) is unseen-effect', (type, properties) => {
    expect(codesAt({ R: { Type: type, Properties: properties } }, 'R')).toContain('unseen-effect');
  });

  it('control: a wait condition handle changes no registry and is low', () => {
    expect(levelOf({ W: { Type: 'AWS::CloudFormation::WaitConditionHandle', Properties: {} } })).toBe('low');
  });
});

describe('review #9d attacks: data sent to another account or outside AWS', () => {
  const topic = { Type: 'AWS::SNS::Topic', Properties: {} };
  const subscription = (protocol: string, endpoint: unknown) => ({
    T: topic,
    S: {
      Type: 'AWS::SNS::Subscription',
      Properties: { TopicArn: { Ref: 'T' }, Protocol: protocol, Endpoint: endpoint },
    },
  });

  it.each([
    ['https', 'https://hooks.example.com/orders'],
    ['http', 'http://hooks.example.com/orders'],
    ['email', 'someone@example.com'],
    ['email-json', 'someone@example.com'],
    ['sms', '+15555550100'],
    ['sqs', 'arn:aws:sqs:us-east-1:999999999999:theirs'],
    ['lambda', 'arn:aws:lambda:us-east-1:999999999999:function:theirs'],
    ['firehose', { 'Fn::Sub': 'arn:aws:firehose:us-east-1:999999999999:deliverystream/theirs' }],
  ])(
    'FAULT: an SNS subscription over %s to %j (outside the account) is data-egress',
    (protocol, endpoint) => {
      expect(codesAt(subscription(protocol, endpoint), 'S')).toContain('data-egress');
    },
  );

  it('FAULT: an SNS subscription to an endpoint from a parameter is unresolved-value', () => {
    expect(
      codesAt(subscription('https', { Ref: 'Hook' }), 'S', { Parameters: { Hook: { Type: 'String' } } }),
    ).toContain('unresolved-value');
  });

  it('control: an SNS subscription to a queue of this template (or of this account) is low', () => {
    const own = {
      ...subscription('sqs', { 'Fn::GetAtt': ['Q', 'Arn'] }),
      Q: QUEUE,
    };
    expect(levelOf(own)).toBe('low');
    const sameAccount = subscription('sqs', {
      'Fn::Sub': 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:orders',
    });
    expect(levelOf(sameAccount)).toBe('low');
  });

  it('FAULT: a topic with an inline https subscription is data-egress', () => {
    expect(
      codesAt(
        {
          T: {
            Type: 'AWS::SNS::Topic',
            Properties: { Subscription: [{ Protocol: 'https', Endpoint: 'https://hooks.example.com/' }] },
          },
        },
        'T',
      ),
    ).toContain('data-egress');
  });

  it('FAULT: a log subscription filter to another account’s destination is data-egress', () => {
    expect(
      codesAt(
        {
          F: {
            Type: 'AWS::Logs::SubscriptionFilter',
            Properties: {
              LogGroupName: '/orders',
              FilterPattern: '',
              DestinationArn: 'arn:aws:logs:us-east-1:999999999999:destination:collector',
            },
          },
        },
        'F',
      ),
    ).toContain('data-egress');
  });

  it('FAULT: an account-wide log subscription policy (every log group of the account) is high', () => {
    expect(
      levelOf({
        P: {
          Type: 'AWS::Logs::AccountPolicy',
          Properties: {
            PolicyName: 'all',
            PolicyType: 'SUBSCRIPTION_FILTER_POLICY',
            PolicyDocument:
              '{"DestinationArn":"arn:aws:lambda:us-east-1:123456789012:function:f","FilterPattern":""}',
          },
        },
      }),
    ).toBe('high');
  });

  it('FAULT: an EventBridge rule sending events to another account’s bus is data-egress', () => {
    expect(
      codesAt(
        {
          R: {
            Type: 'AWS::Events::Rule',
            Properties: {
              EventPattern: { source: ['aws.s3'] },
              Targets: [{ Id: 'out', Arn: 'arn:aws:events:us-east-1:999999999999:event-bus/default' }],
            },
          },
        },
        'R',
      ),
    ).toContain('data-egress');
  });

  it('FAULT: an EventBridge API destination (an HTTPS endpoint outside AWS) is data-egress', () => {
    expect(
      codesAt(
        {
          D: {
            Type: 'AWS::Events::ApiDestination',
            Properties: {
              ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/c/1',
              InvocationEndpoint: 'https://hooks.example.com/',
              HttpMethod: 'POST',
            },
          },
        },
        'D',
      ),
    ).toContain('data-egress');
  });

  it('control: an EventBridge rule targeting a queue of this template is low', () => {
    expect(
      levelOf({
        Q: QUEUE,
        R: {
          Type: 'AWS::Events::Rule',
          Properties: {
            EventPattern: { source: ['orders'] },
            Targets: [{ Id: 'q', Arn: { 'Fn::GetAtt': ['Q', 'Arn'] } }],
          },
        },
      }),
    ).toBe('low');
  });
});

describe('review #9d attacks: APIs, clusters and instances reachable from the internet', () => {
  it('FAULT: a SAM Api without a default authorizer is public-access', () => {
    expect(
      codesAt({ Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'v1' } } }, 'Api', {
        Transform: SAM,
      }),
    ).toContain('public-access');
  });

  it('FAULT: a SAM HttpApi without a default authorizer is public-access', () => {
    expect(
      codesAt({ Api: { Type: 'AWS::Serverless::HttpApi', Properties: {} } }, 'Api', { Transform: SAM }),
    ).toContain('public-access');
  });

  it('control: a SAM Api whose default authorizer is AWS_IAM is not public-access', () => {
    expect(
      codesAt(
        {
          Api: {
            Type: 'AWS::Serverless::Api',
            Properties: { StageName: 'v1', Auth: { DefaultAuthorizer: 'AWS_IAM' } },
          },
        },
        'Api',
        { Transform: SAM },
      ),
    ).not.toContain('public-access');
  });

  it.each(['Api', 'HttpApi'])(
    'FAULT: a SAM %s whose default authorizer comes from Globals is not public-access (SAM copies it in)',
    (kind) => {
      const globals = { Globals: { [kind]: { Auth: { DefaultAuthorizer: 'AWS_IAM' } } }, Transform: SAM };
      expect(
        codesAt({ Api: { Type: `AWS::Serverless::${kind}`, Properties: {} } }, 'Api', globals),
      ).not.toContain('public-access');
    },
  );

  it('FAULT: an HTTP API made by quick create (Target: its default route has no authorization) is public-access', () => {
    expect(
      codesAt(
        {
          Api: {
            Type: 'AWS::ApiGatewayV2::Api',
            Properties: {
              Name: 'a',
              ProtocolType: 'HTTP',
              Target: 'arn:aws:lambda:us-east-1:123456789012:function:f',
            },
          },
        },
        'Api',
      ),
    ).toContain('public-access');
  });

  it.each(['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api'])(
    'FAULT: %s imported from an OpenAPI Body (its methods are not resources the classifier reads) is public-access',
    (type) => {
      const body = {
        openapi: '3.0.1',
        paths: {
          '/': {
            get: {
              'x-amazon-apigateway-integration': { type: 'http_proxy', uri: 'http://x', httpMethod: 'GET' },
            },
          },
        },
      };
      expect(codesAt({ Api: { Type: type, Properties: { Name: 'a', Body: body } } }, 'Api')).toContain(
        'public-access',
      );
    },
  );

  it('FAULT: an EKS cluster leaving its public endpoint on (the default) is public-access', () => {
    expect(
      codesAt(
        {
          C: {
            Type: 'AWS::EKS::Cluster',
            Properties: {
              RoleArn: 'arn:aws:iam::123456789012:role/eks',
              ResourcesVpcConfig: { SubnetIds: ['subnet-1'] },
            },
          },
        },
        'C',
      ),
    ).toContain('public-access');
  });

  it('control: an EKS cluster with only a private endpoint is not public-access', () => {
    expect(
      codesAt(
        {
          C: {
            Type: 'AWS::EKS::Cluster',
            Properties: {
              RoleArn: 'arn:aws:iam::123456789012:role/eks',
              ResourcesVpcConfig: {
                SubnetIds: ['subnet-1'],
                EndpointPublicAccess: false,
                EndpointPrivateAccess: true,
              },
            },
          },
        },
        'C',
      ),
    ).not.toContain('public-access');
  });

  it.each([
    [
      'an instance interface with AssociatePublicIpAddress',
      'AWS::EC2::Instance',
      {
        ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: 'subnet-1', AssociatePublicIpAddress: true }],
      },
    ],
    [
      'a launch template interface with AssociatePublicIpAddress',
      'AWS::EC2::LaunchTemplate',
      { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: 'true' }] } },
    ],
    [
      'a subnet mapping public IPs on launch',
      'AWS::EC2::Subnet',
      { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true },
    ],
    ['an Elastic IP attached to an instance', 'AWS::EC2::EIP', { InstanceId: 'i-0123456789abcdef0' }],
    [
      'an Elastic IP association',
      'AWS::EC2::EIPAssociation',
      { AllocationId: 'eipalloc-1', InstanceId: 'i-0123456789abcdef0' },
    ],
    [
      'an ECS service assigning public IPs',
      'AWS::ECS::Service',
      {
        Cluster: 'c',
        TaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/t:1',
        NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED', Subnets: ['subnet-1'] } },
      },
    ],
    [
      'an EC2 instance in the default VPC (no subnet: a public IP by default)',
      'AWS::EC2::Instance',
      {
        ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        InstanceType: 't3.micro',
      },
    ],
  ])('FAULT: %s is public-access', (_name, type, properties) => {
    expect(codesAt({ R: { Type: type, Properties: properties } }, 'R')).toContain('public-access');
  });

  it.each([
    [
      'an instance in a subnet, no public address asked',
      'AWS::EC2::Instance',
      {
        ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        SubnetId: 'subnet-1',
      },
    ],
    ['an Elastic IP for a NAT gateway (no instance)', 'AWS::EC2::EIP', { Domain: 'vpc' }],
    ['a private subnet', 'AWS::EC2::Subnet', { VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }],
    [
      'an ECS service with public IPs disabled',
      'AWS::ECS::Service',
      {
        Cluster: 'c',
        TaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/t:1',
        NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED', Subnets: ['subnet-1'] } },
      },
    ],
  ])('control: %s is not public-access', (_name, type, properties) => {
    expect(codesAt({ R: { Type: type, Properties: properties } }, 'R')).not.toContain('public-access');
  });
});

describe('review #9d attacks: network ACLs', () => {
  const entry = (properties: Record<string, unknown>) => ({
    E: {
      Type: 'AWS::EC2::NetworkAclEntry',
      Properties: {
        NetworkAclId: 'acl-1',
        RuleNumber: 100,
        Protocol: -1,
        RuleAction: 'allow',
        ...properties,
      },
    },
  });

  it.each([
    ['0.0.0.0/0', { CidrBlock: '0.0.0.0/0' }],
    ['::/0', { Ipv6CidrBlock: '::/0' }],
    ['0.0.0.0/0 on port 22', { CidrBlock: '0.0.0.0/0', Protocol: 6, PortRange: { From: 22, To: 22 } }],
  ])('FAULT: an inbound network ACL entry allowing %s is open-ingress', (_name, properties) => {
    expect(codesAt(entry(properties), 'E')).toContain('open-ingress');
  });

  it.each([
    ['an outbound entry', { CidrBlock: '0.0.0.0/0', Egress: true }],
    ['a deny entry', { CidrBlock: '0.0.0.0/0', RuleAction: 'deny' }],
    ['a private range', { CidrBlock: '10.0.0.0/8' }],
  ])('control: %s is not open-ingress', (_name, properties) => {
    expect(codesAt(entry(properties), 'E')).not.toContain('open-ingress');
  });
});

describe('review #9d attacks: ingress opened across the templates of one bundle', () => {
  const template = (cidr: string) =>
    JSON.stringify({
      Resources: {
        Sg: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: {
            GroupDescription: 'web',
            SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: cidr }],
          },
        },
      },
    });
  const classify = (cidrs: readonly string[]) =>
    classifyRisk({
      files: cidrs.map((cidr, index) => ({
        path: `stacks/t${index}.json`,
        content: template(cidr),
        role: 'template' as const,
      })),
      templatePath: 'stacks/t0.json',
      targetEnvironment: 'staging',
      production: false,
    });

  it('control: one public /8 in one template is low (not more than a /8)', () => {
    expect(classify(['11.0.0.0/8']).level).toBe('low');
  });

  // Security groups of one stack are exported and attached with another's: a bundle's ingress is
  // the union of its templates', as a template's is the union of its groups'.
  it('FAULT: two templates each opening one public /8 together open more than a /8', () => {
    const risk = classify(['11.0.0.0/8', '12.0.0.0/8']);
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((reason) => reason.code)).toContain('open-ingress');
  });
});

describe('review #9d attacks: grants and copies written in shorthand', () => {
  // SAM turns `Auth.ResourcePolicy` into the API's resource policy (AWS SAM Developer Guide,
  // "ResourcePolicyStatement"): allow lists grant other accounts, addresses or VPCs, and custom
  // statements are policy statements SAM copies as written.
  it.each([
    ['AwsAccountWhitelist', ['999999999999']],
    ['IpRangeWhitelist', ['0.0.0.0/0']],
    ['SourceVpcWhitelist', ['vpc-0123456789abcdef0']],
    [
      'CustomStatements',
      [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }],
    ],
  ])('FAULT: a SAM Api whose Auth.ResourcePolicy has %s is resource-policy', (key, value) => {
    const api = {
      Type: 'AWS::Serverless::Api',
      Properties: {
        StageName: 'v1',
        Auth: { DefaultAuthorizer: 'AWS_IAM', ResourcePolicy: { [key]: value } },
      },
    };
    expect(codesAt({ Api: api }, 'Api', { Transform: SAM })).toContain('resource-policy');
  });

  it('FAULT: Globals.Api.Auth.ResourcePolicy granting another account is resource-policy', () => {
    const reasons = reasonsOf({
      Transform: SAM,
      Globals: { Api: { Auth: { ResourcePolicy: { AwsAccountWhitelist: ['999999999999'] } } } },
      Resources: { Q: QUEUE },
    });
    expect(reasons).toContain('resource-policy Globals.Api.Auth.ResourcePolicy');
  });

  it('control: a SAM Api whose resource policy only denies is not resource-policy', () => {
    const api = {
      Type: 'AWS::Serverless::Api',
      Properties: {
        StageName: 'v1',
        Auth: { DefaultAuthorizer: 'AWS_IAM', ResourcePolicy: { IpRangeBlacklist: ['203.0.113.0/24'] } },
      },
    };
    // An IAM-authorized SAM API (on the reviewed list) whose policy only denies has nothing to review.
    expect(codesAt({ Api: api }, 'Api', { Transform: SAM })).toEqual([]);
  });

  it.each([
    [
      'a CloudWatch cross-account observability link',
      'AWS::Oam::Link',
      {
        ResourceTypes: ['AWS::Logs::LogGroup'],
        SinkIdentifier: 'arn:aws:oam:us-east-1:999999999999:sink/0123',
      },
    ],
    [
      'an SES receipt rule storing mail in a bucket it does not make',
      'AWS::SES::ReceiptRule',
      {
        RuleSetName: 'r',
        Rule: { Enabled: true, Actions: [{ S3Action: { BucketName: 'someone-elses-bucket' } }] },
      },
    ],
    [
      'a CloudTrail trail writing to a bucket it does not make',
      'AWS::CloudTrail::Trail',
      { IsLogging: true, S3BucketName: 'someone-elses-bucket' },
    ],
    [
      'a VPC flow log to a bucket of another account',
      'AWS::EC2::FlowLog',
      {
        ResourceId: 'vpc-1',
        ResourceType: 'VPC',
        LogDestinationType: 's3',
        LogDestination: 'arn:aws:s3:::someone-elses-bucket',
      },
    ],
    [
      'a Lambda event source mapping’s failure destination in another account',
      'AWS::Lambda::EventSourceMapping',
      {
        FunctionName: 'f',
        EventSourceArn: { 'Fn::GetAtt': ['Q', 'Arn'] },
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:999999999999:theirs' } },
      },
    ],
    [
      'a pipe to another account’s bus',
      'AWS::Pipes::Pipe',
      {
        RoleArn: { 'Fn::GetAtt': ['Q', 'Arn'] },
        Source: { 'Fn::GetAtt': ['Q', 'Arn'] },
        Target: 'arn:aws:events:us-east-1:999999999999:event-bus/default',
      },
    ],
    [
      'an IoT rule posting to a URL',
      'AWS::IoT::TopicRule',
      {
        TopicRulePayload: {
          Sql: "SELECT * FROM 'x'",
          Actions: [{ Http: { Url: 'https://hooks.example.com/' } }],
        },
      },
    ],
    [
      'a snapshot lifecycle policy sharing with another account',
      'AWS::DLM::LifecyclePolicy',
      {
        Description: 'x',
        State: 'ENABLED',
        ExecutionRoleArn: { 'Fn::GetAtt': ['Q', 'Arn'] },
        PolicyDetails: {
          ResourceTypes: ['VOLUME'],
          TargetTags: [{ Key: 'a', Value: 'b' }],
          Schedules: [
            {
              Name: 's',
              CreateRule: { Interval: 24, IntervalUnit: 'HOURS' },
              RetainRule: { Count: 1 },
              ShareRules: [{ TargetAccounts: ['999999999999'] }],
            },
          ],
        },
      },
    ],
    [
      'a queue whose dead letters go to another account’s queue',
      'AWS::SQS::Queue',
      {
        RedrivePolicy: {
          deadLetterTargetArn: 'arn:aws:sqs:us-east-1:999999999999:theirs',
          maxReceiveCount: 3,
        },
      },
    ],
    [
      'ECR replication to another registry',
      'AWS::ECR::ReplicationConfiguration',
      {
        ReplicationConfiguration: {
          Rules: [{ Destinations: [{ Region: 'us-east-1', RegistryId: '999999999999' }] }],
        },
      },
    ],
    [
      'a backup plan copying to another account’s vault',
      'AWS::Backup::BackupPlan',
      {
        BackupPlan: {
          BackupPlanName: 'p',
          BackupPlanRule: [
            {
              RuleName: 'r',
              TargetBackupVault: 'v',
              CopyActions: [
                { DestinationBackupVaultArn: 'arn:aws:backup:us-east-1:999999999999:backup-vault:theirs' },
              ],
            },
          ],
        },
      },
    ],
    [
      'a table streaming changes to another account’s Kinesis stream',
      'AWS::DynamoDB::Table',
      {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        KinesisStreamSpecification: { StreamArn: 'arn:aws:kinesis:us-east-1:999999999999:stream/theirs' },
      },
    ],
    [
      'a secret rotated by a function of another account',
      'AWS::SecretsManager::RotationSchedule',
      { SecretId: 's', RotationLambdaARN: 'arn:aws:lambda:us-east-1:999999999999:function:theirs' },
    ],
  ])('FAULT: %s is data-egress', (_name, type, properties) => {
    expect(codesAt({ Q: QUEUE, R: { Type: type, Properties: properties } }, 'R')).toContain('data-egress');
  });

  it('control: a trail writing to a bucket of this template is not data-egress', () => {
    const resources = {
      Logs: {
        Type: 'AWS::S3::Bucket',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {},
      },
      R: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: { Ref: 'Logs' } } },
    };
    expect(codesAt(resources, 'R')).not.toContain('data-egress');
  });
});

describe('review #9d attacks: data stores that a later removal would destroy', () => {
  // Each keeps the only copy of what it holds, and CloudFormation's default DeletionPolicy for it
  // is Delete (AWS CloudFormation Template Reference, each type; "DeletionPolicy attribute").
  it.each([
    [
      'AWS::Cassandra::Table',
      { KeyspaceName: 'k', PartitionKeyColumns: [{ ColumnName: 'id', ColumnType: 'text' }] },
    ],
    [
      'AWS::S3Express::DirectoryBucket',
      { DataRedundancy: 'SingleAvailabilityZone', LocationName: 'use1-az4' },
    ],
    ['AWS::S3Tables::TableBucket', { TableBucketName: 'orders' }],
    ['AWS::EC2::Volume', { AvailabilityZone: 'us-east-1a', Size: 100 }],
    ['AWS::RedshiftServerless::Namespace', { NamespaceName: 'orders' }],
    ['AWS::OpenSearchServerless::Collection', { Name: 'orders' }],
    ['AWS::NeptuneGraph::Graph', { ProvisionedMemory: 16 }],
    [
      'AWS::Lightsail::Database',
      {
        RelationalDatabaseName: 'orders',
        RelationalDatabaseBlueprintId: 'mysql_8_0',
        RelationalDatabaseBundleId: 'micro_2_0',
        MasterDatabaseName: 'orders',
        MasterUsername: 'admin',
        PubliclyAccessible: false,
      },
    ],
    ['AWS::Lightsail::Disk', { DiskName: 'orders', SizeInGb: 32 }],
    ['AWS::Lightsail::Bucket', { BucketName: 'orders', BundleId: 'small_1_0' }],
    [
      'AWS::ACMPCA::CertificateAuthority',
      {
        Type: 'ROOT',
        KeyAlgorithm: 'RSA_2048',
        SigningAlgorithm: 'SHA256WITHRSA',
        Subject: { CommonName: 'orders' },
      },
    ],
    ['AWS::CodeArtifact::Repository', { RepositoryName: 'orders', DomainName: 'd' }],
  ])('FAULT: %s left at the default Delete policy is stateful-delete-policy', (type, properties) => {
    expect(codesAt({ R: { Type: type, Properties: properties } }, 'R')).toContain('stateful-delete-policy');
  });

  it('control: a Directory bucket kept on removal and replacement is not stateful-delete-policy', () => {
    const bucket = {
      Type: 'AWS::S3Express::DirectoryBucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { DataRedundancy: 'SingleAvailabilityZone', LocationName: 'use1-az4' },
    };
    expect(codesAt({ R: bucket }, 'R')).not.toContain('stateful-delete-policy');
  });
});

describe('review #9d attacks: other accounts and the public let in by a setting', () => {
  const group = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'web' } };
  const fromGroup = (owner: unknown) => ({
    G: group,
    I: {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: {
        GroupId: { 'Fn::GetAtt': ['G', 'GroupId'] },
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        SourceSecurityGroupName: 'theirs',
        SourceSecurityGroupOwnerId: owner,
      },
    },
  });

  // A security group of another account lets in every instance that account puts in it.
  it('FAULT: ingress from another account’s security group (SourceSecurityGroupOwnerId) is open-ingress', () => {
    expect(codesAt(fromGroup('999999999999'), 'I')).toContain('open-ingress');
  });

  it('FAULT: ingress from a security group whose owner is a parameter is unresolved-value', () => {
    expect(
      codesAt(fromGroup({ Ref: 'Owner' }), 'I', { Parameters: { Owner: { Type: 'String' } } }),
    ).toContain('unresolved-value');
  });

  it('control: ingress from a security group of this account is not open-ingress', () => {
    expect(codesAt(fromGroup({ Ref: 'AWS::AccountId' }), 'I')).toEqual([]);
  });

  it('FAULT: a CodeBuild project whose builds anyone may see (Visibility PUBLIC_READ) is public-access', () => {
    const project = {
      Type: 'AWS::CodeBuild::Project',
      Properties: {
        ServiceRole: 'arn:aws:iam::123456789012:role/build',
        Visibility: 'PUBLIC_READ',
        Artifacts: { Type: 'NO_ARTIFACTS' },
        Environment: {
          ComputeType: 'BUILD_GENERAL1_SMALL',
          Image: 'aws/codebuild/standard:7.0',
          Type: 'LINUX_CONTAINER',
        },
        Source: { Type: 'NO_SOURCE', BuildSpec: 'version: 0.2' },
      },
    };
    expect(codesAt({ P: project }, 'P')).toContain('public-access');
  });
});
