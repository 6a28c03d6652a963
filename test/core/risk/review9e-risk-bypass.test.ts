import { automatedChangeRefusal } from '../../../src/core/deploy/automated-change-refusal.js';
import { reasonsOf, riskOf } from './risk-of.js';

// Review #9 fifth attacker pass (after the data-egress, public-access and change-set refusal
// rules landed). DESIGN §4: data sent outside the account, access granted to another account, or
// an effect the agent cannot see escalates hybrid to guided ("unknown counts as high"). Each
// "FAULT:" case is a template the classifier calls low today, so hybrid and automated modes would
// auto-merge it and deploy it on merge; each control shows the same resource without the escape is
// (and stays) low, so the fix cannot be "everything of that type is high".

const OTHER = '999999999999';
const levelOf = (body: Record<string, unknown>) => riskOf(body).level;
const codesAt = (body: Record<string, unknown>, id: string) =>
  reasonsOf(body)
    .filter((reason) => reason.split(' ')[1]?.startsWith(`Resources.${id}`))
    .map((reason) => reason.split(' ')[0] ?? '');
const OUTSIDE = ['data-egress', 'unresolved-value'];
const QUEUE_RESOURCE = { Type: 'AWS::SQS::Queue', Properties: {} };
const sendsOutside = (body: Record<string, unknown>, id: string) =>
  codesAt(body, id).some((code) => OUTSIDE.includes(code));

describe('review #9e attacks: data-egress destinations the rule misses', () => {
  // AWS::SQS::Queue RedrivePolicy is "Json": CloudFormation takes it as an object or as its JSON
  // text (AWS CloudFormation Template Reference, AWS::SQS::Queue). The rule reads only the object.
  it('FAULT: a destination written as JSON text (SQS RedrivePolicy string naming another account) is not read (string-encoded destination)', () => {
    const queue = (redrive: unknown) => ({
      Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: redrive } } },
    });
    const arn = `arn:aws:sqs:us-east-1:${OTHER}:dlq`;
    // The object form is caught today: the string form must be too.
    expect(sendsOutside(queue({ deadLetterTargetArn: arn, maxReceiveCount: 3 }), 'Q')).toBe(true);
    expect(sendsOutside(queue(JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 3 })), 'Q')).toBe(
      true,
    );
  });

  // `Ref` of a resource is its name for many types (a log group, an SSM parameter), chosen freely in
  // the template: a name of 12 digits put in an ARN's account field names another account, but the
  // rule reads every `Ref` of a resource as "this template's thing", so the ARN passes as ours.
  it("FAULT: a resource's freely chosen name (a log group or SSM parameter named with an account id) stands in for this account in a destination ARN (name laundered as account)", () => {
    const viaLogGroup = {
      Resources: {
        LG: {
          Type: 'AWS::Logs::LogGroup',
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: { LogGroupName: OTHER },
        },
        Q: {
          Type: 'AWS::SQS::Queue',
          Properties: {
            RedrivePolicy: {
              deadLetterTargetArn: { 'Fn::Sub': 'arn:aws:sqs:${AWS::Region}:${LG}:dlq' },
              maxReceiveCount: 3,
            },
          },
        },
      },
    };
    const viaParameter = {
      Resources: {
        P: { Type: 'AWS::SSM::Parameter', Properties: { Name: OTHER, Type: 'String', Value: 'x' } },
        T: { Type: 'AWS::SNS::Topic' },
        S: {
          Type: 'AWS::SNS::Subscription',
          Properties: {
            TopicArn: { Ref: 'T' },
            Protocol: 'sqs',
            Endpoint: { 'Fn::Sub': ['arn:aws:sqs:us-east-1:${A}:q', { A: { Ref: 'P' } }] },
          },
        },
      },
    };
    expect(sendsOutside(viaLogGroup, 'Q')).toBe(true);
    expect(sendsOutside(viaParameter, 'S')).toBe(true);
  });

  it('control: a log group on its own, and a queue whose dead-letter queue is in this account, are low', () => {
    expect(
      levelOf({
        Resources: {
          LG: {
            Type: 'AWS::Logs::LogGroup',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: { LogGroupName: OTHER },
          },
          D: { Type: 'AWS::SQS::Queue', Properties: {} },
          Q: {
            Type: 'AWS::SQS::Queue',
            Properties: {
              RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['D', 'Arn'] }, maxReceiveCount: 3 },
            },
          },
        },
      }),
    ).toBe('low');
  });

  // Types that send data to a URL outside AWS: an AppSync HTTP data source calls `HttpConfig.Endpoint`
  // with resolver data; an ECS container's `splunk` log driver ships every log line to `splunk-url`
  // (AWS CloudFormation Template Reference, AWS::AppSync::DataSource HttpConfig; ECS LogConfiguration).
  it('FAULT: AppSync HTTP data sources and ECS log drivers that send data to an outside URL are low (outside-URL types missing)', () => {
    const appsync = {
      Resources: {
        D: {
          Type: 'AWS::AppSync::DataSource',
          Properties: {
            ApiId: 'abc',
            Name: 'd',
            Type: 'HTTP',
            HttpConfig: { Endpoint: 'https://collector.example.net' },
          },
        },
      },
    };
    const ecs = {
      Resources: {
        T: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            ContainerDefinitions: [
              {
                Name: 'app',
                Image: 'public.ecr.aws/docker/library/nginx:1.27',
                LogConfiguration: {
                  LogDriver: 'splunk',
                  Options: { 'splunk-url': 'https://splunk.example.net:8088', 'splunk-token': 'x' },
                },
              },
            ],
          },
        },
      },
    };
    expect(levelOf(appsync)).toBe('high');
    expect(levelOf(ecs)).toBe('high');
  });

  // Types that send data to a destination naming another account (or an S3 bucket, whose ARN names
  // no account): WAF logs to a Firehose stream, CloudWatch alarm actions, CodeStar notifications,
  // SES event destinations, Route 53 Resolver query logs, Athena query results.
  it('FAULT: WAF logging, alarm actions, notification rules, SES event destinations, resolver query logs and Athena results sent to another account are low (cross-account destination types missing)', () => {
    const cases: Record<string, unknown>[] = [
      {
        Type: 'AWS::WAFv2::LoggingConfiguration',
        Properties: {
          ResourceArn: { 'Fn::Sub': 'arn:aws:wafv2:${AWS::Region}:${AWS::AccountId}:regional/webacl/a/1' },
          LogDestinationConfigs: [`arn:aws:firehose:us-east-1:${OTHER}:deliverystream/aws-waf-logs-x`],
        },
      },
      {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          MetricName: 'Errors',
          Namespace: 'AWS/Lambda',
          Statistic: 'Sum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanThreshold',
          AlarmActions: [`arn:aws:sns:us-east-1:${OTHER}:alerts`],
        },
      },
      {
        Type: 'AWS::CodeStarNotifications::NotificationRule',
        Properties: {
          Name: 'n',
          DetailType: 'FULL',
          EventTypeIds: ['codecommit-repository-comments-on-commits'],
          Resource: { 'Fn::Sub': 'arn:aws:codecommit:${AWS::Region}:${AWS::AccountId}:r' },
          Targets: [{ TargetType: 'SNS', TargetAddress: `arn:aws:sns:us-east-1:${OTHER}:t` }],
        },
      },
      {
        Type: 'AWS::SES::ConfigurationSetEventDestination',
        Properties: {
          ConfigurationSetName: 'c',
          EventDestination: {
            Enabled: true,
            MatchingEventTypes: ['send'],
            SnsDestination: { TopicARN: `arn:aws:sns:us-east-1:${OTHER}:t` },
          },
        },
      },
      {
        Type: 'AWS::Route53Resolver::ResolverQueryLoggingConfig',
        Properties: { DestinationArn: 'arn:aws:s3:::someone-elses-bucket' },
      },
      {
        Type: 'AWS::Athena::WorkGroup',
        Properties: {
          Name: 'w',
          WorkGroupConfiguration: {
            ResultConfiguration: { OutputLocation: 's3://someone-elses-bucket/results/' },
          },
        },
      },
    ];
    const low = cases.filter((resource) => levelOf({ Resources: { R: resource } }) === 'low');
    expect(low.map((resource) => resource['Type'])).toEqual([]);
  });

  // Types the table has, read at too few paths: an EventBridge rule target's
  // `DeadLetterConfig.Arn` and an SNS subscription's `RedrivePolicy` receive every undelivered
  // event or message; an S3 bucket's event notifications send object keys and metadata to a topic
  // or queue, and its inventory lists every object into another account's bucket
  // (`Destination.BucketAccountId`). Only SQS's own dead-letter queue and S3 replication are read.
  it('FAULT: dead-letter queues of rule targets and SNS subscriptions, and S3 notifications and inventory sent to another account are low (destination paths missing)', () => {
    const retained = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
    const dlq = `arn:aws:sqs:us-east-1:${OTHER}:dlq`;
    const cases: Record<string, Record<string, unknown>> = {
      ruleTargetDeadLetter: {
        Q: QUEUE_RESOURCE,
        R: {
          Type: 'AWS::Events::Rule',
          Properties: {
            EventPattern: { source: ['aws.ec2'] },
            Targets: [{ Id: 't', Arn: { 'Fn::GetAtt': ['Q', 'Arn'] }, DeadLetterConfig: { Arn: dlq } }],
          },
        },
      },
      subscriptionRedrive: {
        T: { Type: 'AWS::SNS::Topic' },
        Q: QUEUE_RESOURCE,
        S: {
          Type: 'AWS::SNS::Subscription',
          Properties: {
            TopicArn: { Ref: 'T' },
            Protocol: 'sqs',
            Endpoint: { 'Fn::GetAtt': ['Q', 'Arn'] },
            RedrivePolicy: { deadLetterTargetArn: dlq },
          },
        },
      },
      bucketNotifications: {
        B: {
          Type: 'AWS::S3::Bucket',
          ...retained,
          Properties: {
            NotificationConfiguration: {
              TopicConfigurations: [
                { Event: 's3:ObjectCreated:*', Topic: `arn:aws:sns:us-east-1:${OTHER}:t` },
              ],
            },
          },
        },
      },
      bucketInventory: {
        B: {
          Type: 'AWS::S3::Bucket',
          ...retained,
          Properties: {
            InventoryConfigurations: [
              {
                Id: 'i',
                Enabled: true,
                IncludedObjectVersions: 'All',
                ScheduleFrequency: 'Daily',
                Destination: {
                  BucketArn: 'arn:aws:s3:::someone-elses-bucket',
                  BucketAccountId: OTHER,
                  Format: 'CSV',
                },
              },
            ],
          },
        },
      },
    };
    const low = Object.entries(cases)
      .filter(([, resources]) => levelOf({ Resources: resources }) === 'low')
      .map(([name]) => name);
    expect(low).toEqual([]);
  });

  // The web ACL is an existing one (its logging configuration is replaced: review #9g), so the only
  // reason left is that, not the destinations in this account.
  it('control: WAF logging, alarm actions and a rule target dead-letter queue in this account are no data egress', () => {
    expect(
      reasonsOf({
        Resources: {
          T: { Type: 'AWS::SNS::Topic' },
          Q: QUEUE_RESOURCE,
          D: QUEUE_RESOURCE,
          R: {
            Type: 'AWS::Events::Rule',
            Properties: {
              EventPattern: { source: ['aws.ec2'] },
              Targets: [
                {
                  Id: 't',
                  Arn: { 'Fn::GetAtt': ['Q', 'Arn'] },
                  DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['D', 'Arn'] } },
                },
              ],
            },
          },
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
              AlarmActions: [{ Ref: 'T' }],
            },
          },
          L: {
            Type: 'AWS::WAFv2::LoggingConfiguration',
            Properties: {
              ResourceArn: {
                'Fn::Sub': 'arn:aws:wafv2:${AWS::Region}:${AWS::AccountId}:regional/webacl/a/1',
              },
              LogDestinationConfigs: [
                {
                  'Fn::Sub':
                    'arn:aws:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/aws-waf-logs-x',
                },
              ],
            },
          },
        },
      }),
    ).toEqual(['unseen-effect Resources.L.Properties.ResourceArn']);
  });
});

describe('review #9e attacks: another account let in outside IAM', () => {
  // Shared with another account by its id, outside IAM and RAM: a Config aggregation authorization
  // lets that account read every resource configuration of this one; a Service Catalog portfolio
  // share lets it launch this account's products; an Image Builder distribution with
  // `LaunchPermissionConfiguration.UserIds` shares every AMI built (its disks' data) with it (AWS
  // CloudFormation Template Reference for each type).
  it('FAULT: a Config aggregation authorization, a portfolio share and AMI launch permissions for another account are low (cross-account share types missing)', () => {
    const cases: Record<string, unknown>[] = [
      {
        Type: 'AWS::Config::AggregationAuthorization',
        Properties: { AuthorizedAccountId: OTHER, AuthorizedAwsRegion: 'us-east-1' },
      },
      {
        Type: 'AWS::ServiceCatalog::PortfolioShare',
        Properties: { AccountId: OTHER, PortfolioId: 'port-abc123' },
      },
      {
        Type: 'AWS::ImageBuilder::DistributionConfiguration',
        Properties: {
          Name: 'd',
          Distributions: [
            {
              Region: 'us-east-1',
              AmiDistributionConfiguration: { LaunchPermissionConfiguration: { UserIds: [OTHER] } },
            },
          ],
        },
      },
    ];
    const low = cases.filter((resource) => levelOf({ Resources: { R: resource } }) === 'low');
    expect(low.map((resource) => resource['Type'])).toEqual([]);
  });

  // A network path into the VPC from outside it: a peering with another account's VPC
  // (`PeerOwnerId`), a site-to-site VPN to an address on the internet, a Client VPN endpoint whose
  // clients may reach the VPC, a transit gateway attachment (a transit gateway may be another
  // account's, shared through RAM, and routes every attached network here).
  it('FAULT: VPC peering with another account, site-to-site and client VPNs and transit gateway attachments are low (network paths from outside missing)', () => {
    const vpc = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } };
    const cases: Record<string, Record<string, unknown>> = {
      peering: {
        V: vpc,
        P: {
          Type: 'AWS::EC2::VPCPeeringConnection',
          Properties: { VpcId: { Ref: 'V' }, PeerVpcId: 'vpc-0abc1234def567890', PeerOwnerId: OTHER },
        },
      },
      vpn: {
        G: {
          Type: 'AWS::EC2::CustomerGateway',
          Properties: { BgpAsn: 65000, IpAddress: '203.0.113.1', Type: 'ipsec.1' },
        },
        V: {
          Type: 'AWS::EC2::VPNConnection',
          Properties: { CustomerGatewayId: { Ref: 'G' }, Type: 'ipsec.1', VpnGatewayId: 'vgw-0abc' },
        },
      },
      clientVpn: {
        C: {
          Type: 'AWS::EC2::ClientVpnEndpoint',
          Properties: {
            ClientCidrBlock: '10.100.0.0/22',
            ServerCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/s',
            AuthenticationOptions: [
              {
                Type: 'certificate-authentication',
                MutualAuthentication: {
                  ClientRootCertificateChainArn: 'arn:aws:acm:us-east-1:123456789012:certificate/c',
                },
              },
            ],
            ConnectionLogOptions: { Enabled: false },
          },
        },
        R: {
          Type: 'AWS::EC2::ClientVpnAuthorizationRule',
          Properties: {
            ClientVpnEndpointId: { Ref: 'C' },
            TargetNetworkCidr: '10.0.0.0/16',
            AuthorizeAllGroups: true,
          },
        },
      },
      transitGateway: {
        V: vpc,
        A: {
          Type: 'AWS::EC2::TransitGatewayAttachment',
          Properties: { TransitGatewayId: 'tgw-0abc', VpcId: { Ref: 'V' }, SubnetIds: ['subnet-0abc'] },
        },
      },
    };
    const low = Object.entries(cases)
      .filter(([, resources]) => levelOf({ Resources: resources }) === 'low')
      .map(([name]) => name);
    expect(low).toEqual([]);
  });

  it('control: a VPC on its own is low', () => {
    expect(
      levelOf({ Resources: { V: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } }),
    ).toBe('low');
  });
});

describe('review #9e attacks: public IPv6 addresses', () => {
  // Every IPv6 address AWS gives is a global unicast address: in a subnet routed to an internet
  // gateway it is reachable from the internet as a public IPv4 address is (Amazon VPC User Guide,
  // "IP addressing for your VPCs and subnets"). The public-access rule reads
  // `MapPublicIpOnLaunch` and `AssociatePublicIpAddress`, never their IPv6 counterparts.
  it('FAULT: a subnet assigning IPv6 addresses with a ::/0 route to an internet gateway, and instances or launch templates given IPv6 addresses, are low (public IPv6 addresses missed)', () => {
    const subnet = {
      V: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      C: {
        Type: 'AWS::EC2::VPCCidrBlock',
        Properties: { VpcId: { Ref: 'V' }, AmazonProvidedIpv6CidrBlock: true },
      },
      G: { Type: 'AWS::EC2::InternetGateway' },
      T: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'V' } } },
      R: {
        Type: 'AWS::EC2::Route',
        Properties: {
          RouteTableId: { Ref: 'T' },
          DestinationIpv6CidrBlock: '::/0',
          GatewayId: { Ref: 'G' },
        },
      },
      S: {
        Type: 'AWS::EC2::Subnet',
        Properties: {
          VpcId: { Ref: 'V' },
          CidrBlock: '10.0.1.0/24',
          Ipv6CidrBlock: { 'Fn::Select': [0, { 'Fn::GetAtt': ['V', 'Ipv6CidrBlocks'] }] },
          AssignIpv6AddressOnCreation: true,
        },
      },
    };
    const instance = {
      I: {
        Type: 'AWS::EC2::Instance',
        Properties: {
          ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
          InstanceType: 't3.micro',
          SubnetId: 'subnet-0abc',
          Ipv6AddressCount: 1,
        },
      },
    };
    const template = {
      L: {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: {
          LaunchTemplateData: {
            ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
            NetworkInterfaces: [{ DeviceIndex: 0, Ipv6AddressCount: 1, SubnetId: 'subnet-0abc' }],
          },
        },
      },
    };
    expect(levelOf({ Resources: subnet })).toBe('high');
    expect(levelOf({ Resources: instance })).toBe('high');
    expect(levelOf({ Resources: template })).toBe('high');
  });

  it('control: the same subnet without IPv6 addresses, and an instance in it, are low', () => {
    expect(
      levelOf({
        Resources: {
          S: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-0abc', CidrBlock: '10.0.1.0/24' } },
          I: {
            Type: 'AWS::EC2::Instance',
            Properties: {
              ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
              InstanceType: 't3.micro',
              SubnetId: { Ref: 'S' },
            },
          },
        },
      }),
    ).toBe('low');
  });
});

describe('review #9e attacks: the automated deploy refusal and nested stacks', () => {
  // Without `IncludeNestedStacks`, a change set lists a nested stack as one `Modify` of
  // `AWS::CloudFormation::Stack` (Replacement `False`), whatever it removes or replaces inside
  // (AWS CloudFormation User Guide, "Change sets for nested stacks"): the refusal sees nothing to
  // refuse, and deploy on merge deletes or replaces the nested stack's resources unattended.
  it('FAULT: a nested stack modified in the change set (its inner removals and conditional replacements unseen) is deployed automatically (nested change set unseen)', () => {
    for (const nested of ['AWS::CloudFormation::Stack', 'AWS::Serverless::Application'])
      expect(
        automatedChangeRefusal({
          changes: [{ action: 'Modify', logicalId: 'Network', resourceType: nested, replacement: 'False' }],
          environment: 'staging',
        }),
      ).toBeDefined();
  });

  it('control: a plain in-place modification is deployed automatically', () => {
    expect(
      automatedChangeRefusal({
        changes: [
          { action: 'Modify', logicalId: 'Queue', resourceType: 'AWS::SQS::Queue', replacement: 'False' },
        ],
        environment: 'staging',
      }),
    ).toBeUndefined();
  });
});
