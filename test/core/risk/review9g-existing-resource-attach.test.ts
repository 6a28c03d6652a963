import { riskOf, reasonsOf } from './risk-of.js';

// Review #9g attacker pass (fresh eyes), after #9f. Each "FAULT:" case is a template made only of
// reviewed types that the classifier calls low today, so hybrid and automated modes would auto-merge
// and deploy it, though it changes a resource the change does not make (DESIGN §4 "unknown counts
// as high", §5b): a literal name or ARN of an existing bucket, queue, topic, HTTP API or load balancer, where the
// classifier already calls the same kind of reference high elsewhere (an existing subnet's
// `SubnetId`, an existing prefix list's `SourcePrefixListId`: `unseen-effect`). Each control uses the
// template's own resource instead and stays low.
//
// Tried and held (high today): CloudWatch alarm actions `arn:aws:automate:…:ec2:terminate`, SSM and
// another account's SNS; a route table association of an existing subnet; CodeDeploy groups by EC2
// tags; a target group of existing instances; a rotation schedule of an existing secret; WAF logs to
// another account; SNS subscriptions (email, https, another account's Lambda) on an existing topic;
// an existing instance profile on an instance or launch template; an HTTP API integration with an
// existing function; an event source mapping of an existing queue; RDS restored from another
// account's snapshot or a replica of an existing instance; S3 notifications, inventory and logging
// elsewhere; DynamoDB Kinesis streams and imports; Lambda layers, images, DLQs, file systems and KMS
// keys of other accounts; secret replicas; schedules of existing functions; a redirecting listener;
// a security group opened through its own or an existing prefix list (0.0.0.0/0, two /1 halves);
// routes with `NONE` or no authorization on an existing API; a same-account grant on an existing
// bucket (resource-policy); a cross-account table resource policy.

const POLICY_BUCKET = 'prod-data';

// A listener added to an existing load balancer (say the internet-facing production one) opens a
// new port on it and forwards it to a target group: here an existing internal admin group, so the
// admin service becomes reachable from wherever the production balancer is, with no security group
// or balancer of the change showing it.
const PROD_LB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/prod/50dc6c495c0c9188';
const ADMIN_TG =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/prod-admin/73e2d6bc24d8a067';
const listener = (
  loadBalancerArn: unknown,
  targetGroupArn: unknown,
  extra: Record<string, unknown> = {},
) => ({
  Resources: {
    ...extra,
    L: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: loadBalancerArn,
        Port: 8080,
        Protocol: 'HTTP',
        DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
      },
    },
  },
});

describe('review #9g attacks: a reviewed resource that rewrites or attaches to an existing resource', () => {
  // AWS::S3::BucketPolicy "applies a policy to an Amazon S3 bucket" by PutBucketPolicy, which
  // replaces the bucket's whole policy (Amazon S3 API Reference, PutBucketPolicy). On a bucket the
  // template does not make, this drops whatever the existing policy granted and, here, denies
  // everyone everything: an outage of production data no diff of the bucket shows.
  const bucketPolicy = (bucket: unknown, own: boolean) => ({
    Resources: {
      ...(own
        ? {
            B: {
              Type: 'AWS::S3::Bucket',
              DeletionPolicy: 'Retain',
              UpdateReplacePolicy: 'Retain',
              Properties: {},
            },
          }
        : {}),
      P: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: bucket,
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: own
                  ? [{ 'Fn::GetAtt': ['B', 'Arn'] }]
                  : [`arn:aws:s3:::${POLICY_BUCKET}`, `arn:aws:s3:::${POLICY_BUCKET}/*`],
              },
            ],
          },
        },
      },
    },
  });

  it("FAULT: a bucket policy replacing an existing bucket's policy (literal bucket name) is low (existing resource rewritten)", () => {
    expect(riskOf(bucketPolicy(POLICY_BUCKET, false)).level).toBe('high');
    expect(
      reasonsOf(bucketPolicy(POLICY_BUCKET, false)).some((r) => r.includes('Resources.P.Properties.Bucket')),
    ).toBe(true);
  });

  it("control: the same deny on the template's own bucket stays low", () => {
    expect(riskOf(bucketPolicy({ Ref: 'B' }, true)).level).toBe('low');
  });

  // AWS::SNS::TopicPolicy sets each listed topic's `Policy` attribute (SetTopicAttributes), replacing
  // the existing one: denying `sns:Publish` on an existing alerts topic silences every alarm that
  // publishes to it.
  const topicPolicy = (topic: unknown, own: boolean) => ({
    Resources: {
      ...(own ? { T: { Type: 'AWS::SNS::Topic', Properties: {} } } : {}),
      P: {
        Type: 'AWS::SNS::TopicPolicy',
        Properties: {
          Topics: [topic],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: topic }],
          },
        },
      },
    },
  });
  const ALERTS = 'arn:aws:sns:us-east-1:123456789012:prod-alerts';

  it("FAULT: a topic policy replacing an existing topic's policy (literal topic ARN) is low (existing resource rewritten)", () => {
    expect(riskOf(topicPolicy(ALERTS, false)).level).toBe('high');
  });

  it("control: the same deny on the template's own topic stays low", () => {
    expect(riskOf(topicPolicy({ Ref: 'T' }, true)).level).toBe('low');
  });

  // AWS::SQS::QueuePolicy sets each listed queue's `Policy` attribute (SetQueueAttributes), replacing
  // the existing one: a deny on an existing orders queue stops every producer and consumer of it.
  const queuePolicy = (queue: unknown, arn: unknown, own: boolean) => ({
    Resources: {
      ...(own ? { Q: { Type: 'AWS::SQS::Queue', Properties: {} } } : {}),
      P: {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [queue],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: arn }],
          },
        },
      },
    },
  });

  it("FAULT: a queue policy replacing an existing queue's policy (literal queue URL) is low (existing resource rewritten)", () => {
    const url = 'https://sqs.us-east-1.amazonaws.com/123456789012/prod-orders';
    expect(riskOf(queuePolicy(url, 'arn:aws:sqs:us-east-1:123456789012:prod-orders', false)).level).toBe(
      'high',
    );
  });

  it("control: the same deny on the template's own queue stays low", () => {
    expect(riskOf(queuePolicy({ Ref: 'Q' }, { 'Fn::GetAtt': ['Q', 'Arn'] }, true)).level).toBe('low');
  });

  // An HTTP API route on an existing API (`ApiId` a literal id): `$default` catches every request no
  // other route matches, so the production API now sends those to whatever integration this names.
  const route = (apiId: unknown, extra: Record<string, unknown> = {}) => ({
    Resources: {
      ...extra,
      R: {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: {
          ApiId: apiId,
          RouteKey: '$default',
          AuthorizationType: 'AWS_IAM',
          Target: 'integrations/abc123',
        },
      },
    },
  });

  it('FAULT: a catch-all route added to an existing HTTP API (literal ApiId) is low (existing resource rerouted)', () => {
    expect(riskOf(route('a1b2c3d4e5')).level).toBe('high');
  });

  it("control: the same route on the template's own API stays low", () => {
    const api = {
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'orders', ProtocolType: 'HTTP' } },
    };
    expect(riskOf(route({ Ref: 'Api' }, api)).level).toBe('low');
  });

  it('FAULT: a listener on an existing load balancer forwarding to an existing admin target group is low (public access through an existing resource)', () => {
    expect(riskOf(listener(PROD_LB, ADMIN_TG)).level).toBe('high');
  });

  it("FAULT: a listener on an existing load balancer forwarding to the template's own target group is low (existing resource gains a port)", () => {
    const tg = {
      TG: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: { Port: 80, Protocol: 'HTTP', VpcId: { Ref: 'V' }, TargetType: 'ip' },
      },
      V: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    };
    expect(riskOf(listener(PROD_LB, { Ref: 'TG' }, tg)).level).toBe('high');
  });
});

// Siblings: every reviewed property naming the resource another one attaches to, rewrites or runs
// (MUST_BE_OWN in src/core/risk/outside-target-risks.ts) must be the template's own.
describe('review #9g siblings: a resource attached to one the template does not make is high at that property', () => {
  const API = 'a1b2c3d4e5';
  const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:prod-payments';
  const TOPIC = 'arn:aws:sns:us-east-1:123456789012:prod-alerts';
  const ownQueue = { Q: { Type: 'AWS::SQS::Queue', Properties: {} } };
  const queueArn = { 'Fn::GetAtt': ['Q', 'Arn'] };
  const inAccount = (rest: string) => ({ 'Fn::Sub': `arn:aws:${rest}` });
  it.each<[string, string, Record<string, unknown>, Record<string, unknown>, string]>([
    [
      'an HTTP API integration on an existing API',
      'AWS::ApiGatewayV2::Integration',
      {
        ApiId: API,
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: inAccount('lambda:${AWS::Region}:${AWS::AccountId}:function:orders'),
        PayloadFormatVersion: '2.0',
      },
      {},
      'ApiId',
    ],
    [
      'an auto-deployed HTTP API stage on an existing API',
      'AWS::ApiGatewayV2::Stage',
      { ApiId: API, StageName: 'v2', AutoDeploy: true },
      {},
      'ApiId',
    ],
    [
      'an event source mapping of its own queue into an existing function',
      'AWS::Lambda::EventSourceMapping',
      { EventSourceArn: queueArn, FunctionName: FUNCTION },
      ownQueue,
      'FunctionName',
    ],
    [
      'a permission on an existing function, scoped to this account',
      'AWS::Lambda::Permission',
      {
        Action: 'lambda:InvokeFunction',
        FunctionName: FUNCTION,
        Principal: 'sqs.amazonaws.com',
        SourceAccount: { Ref: 'AWS::AccountId' },
      },
      {},
      'FunctionName',
    ],
    [
      'an alias of an existing function',
      'AWS::Lambda::Alias',
      { FunctionName: FUNCTION, FunctionVersion: '$LATEST', Name: 'live' },
      {},
      'FunctionName',
    ],
    [
      'a version of an existing function',
      'AWS::Lambda::Version',
      { FunctionName: FUNCTION },
      {},
      'FunctionName',
    ],
    [
      'a function URL of an existing function, even with AWS_IAM',
      'AWS::Lambda::Url',
      { AuthType: 'AWS_IAM', TargetFunctionArn: FUNCTION },
      {},
      'TargetFunctionArn',
    ],
    [
      'a metric filter on an existing log group',
      'AWS::Logs::MetricFilter',
      {
        LogGroupName: '/aws/lambda/prod-payments',
        FilterPattern: 'ERROR',
        MetricTransformations: [{ MetricName: 'e', MetricNamespace: 'n', MetricValue: '1' }],
      },
      {},
      'LogGroupName',
    ],
    [
      'a subscription of its own queue to an existing topic',
      'AWS::SNS::Subscription',
      { TopicArn: TOPIC, Protocol: 'sqs', Endpoint: queueArn },
      ownQueue,
      'TopicArn',
    ],
    [
      'a topic policy on its own topic and an existing one (each listed topic)',
      'AWS::SNS::TopicPolicy',
      {
        Topics: [{ Ref: 'T' }, TOPIC],
        PolicyDocument: {
          Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: { Ref: 'T' } }],
        },
      },
      { T: { Type: 'AWS::SNS::Topic', Properties: {} } },
      'Topics[1]',
    ],
    [
      'a queue policy whose queues come from a parameter',
      'AWS::SQS::QueuePolicy',
      {
        Queues: { Ref: 'Urls' },
        PolicyDocument: {
          Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: queueArn }],
        },
      },
      ownQueue,
      'Queues',
    ],
    [
      'a bucket policy on a bucket imported from another stack',
      'AWS::S3::BucketPolicy',
      {
        Bucket: { 'Fn::ImportValue': 'prod-DataBucketName' },
        PolicyDocument: {
          Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::x/*' }],
        },
      },
      {},
      'Bucket',
    ],
    [
      'a bucket policy whose bucket is its own on one branch of Fn::If and an existing one on the other',
      'AWS::S3::BucketPolicy',
      {
        Bucket: { 'Fn::If': ['IsNew', { Ref: 'B' }, POLICY_BUCKET] },
        PolicyDocument: {
          Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::x/*' }],
        },
      },
      {
        B: {
          Type: 'AWS::S3::Bucket',
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: {},
        },
      },
      'Bucket.Fn::If[2]',
    ],
    [
      'a listener on its own load balancer forwarding (ForwardConfig) to an existing target group',
      'AWS::ElasticLoadBalancingV2::Listener',
      {
        LoadBalancerArn: { Ref: 'LB' },
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [
          { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: ADMIN_TG }] } },
        ],
      },
      { LB: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal' } } },
      'DefaultActions[0].ForwardConfig.TargetGroups[0].TargetGroupArn',
    ],
    [
      'a database instance joining an existing Aurora cluster',
      'AWS::RDS::DBInstance',
      {
        DBClusterIdentifier: 'prod-orders',
        DBInstanceClass: 'db.r6g.large',
        Engine: 'aurora-postgresql',
        PubliclyAccessible: false,
      },
      {},
      'DBClusterIdentifier',
    ],
    [
      "a WAF logging configuration replacing an existing web ACL's",
      'AWS::WAFv2::LoggingConfiguration',
      {
        ResourceArn: inAccount('wafv2:${AWS::Region}:${AWS::AccountId}:regional/webacl/prod/1'),
        LogDestinationConfigs: [
          inAccount('firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/aws-waf-logs-x'),
        ],
      },
      {},
      'ResourceArn',
    ],
  ])('%s', (_name, type, properties, extra, at) => {
    const body = {
      Parameters: { Urls: { Type: 'CommaDelimitedList' } },
      Conditions: { IsNew: { 'Fn::Equals': ['a', 'a'] } },
      Resources: {
        ...extra,
        It: { Type: type, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: properties },
      },
    };
    expect(reasonsOf(body)).toEqual([`unseen-effect Resources.It.Properties.${at}`]);
  });

  it('control: a listener on its own internal load balancer forwarding to its own target group stays low', () => {
    const own = {
      LB: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal' } },
      TG: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 80, Protocol: 'HTTP' } },
    };
    expect(riskOf(listener({ Ref: 'LB' }, { Ref: 'TG' }, own)).level).toBe('low');
  });

  it('control: a metric filter on its own log group and a subscription of its own queue to its own topic stay low', () => {
    const body = {
      Resources: {
        ...ownQueue,
        T: { Type: 'AWS::SNS::Topic', Properties: {} },
        G: { Type: 'AWS::Logs::LogGroup', Properties: {} },
        F: {
          Type: 'AWS::Logs::MetricFilter',
          Properties: {
            LogGroupName: { Ref: 'G' },
            FilterPattern: 'ERROR',
            MetricTransformations: [{ MetricName: 'e', MetricNamespace: 'n', MetricValue: '1' }],
          },
        },
        S: {
          Type: 'AWS::SNS::Subscription',
          Properties: { TopicArn: { Ref: 'T' }, Protocol: 'sqs', Endpoint: queueArn },
        },
      },
    };
    expect(riskOf(body).level).toBe('low');
  });
});
