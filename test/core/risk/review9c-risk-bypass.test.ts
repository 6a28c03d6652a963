import { levelOnceReviewed, QUEUE, riskOf } from './risk-of.js';

// Review #9 third attacker pass on the risk classifier (DESIGN §4: world-open network access,
// grants to others and deletions escalate hybrid to guided). Each "FAULT:" case is a template the
// classifier still calls low although it opens a resource to the internet, grants another account
// access, or would destroy data on removal; a low template is auto-merged and deployed on merge.
// Each FAULT was `it.failing` (asserting the right answer, high) until the classifier read its kind.

const levelOf = (body: Record<string, unknown>) => riskOf(body).level;

describe('review #9c attacks: the risk classifier', () => {
  it('control: a queue alone is low', () => {
    expect(levelOf({ Resources: { Queue: QUEUE } })).toBe('low');
  });

  it('control: a security group open to 0.0.0.0/0 is high', () => {
    expect(
      levelOf({
        Resources: {
          Sg: {
            Type: 'AWS::EC2::SecurityGroup',
            Properties: {
              GroupDescription: 'x',
              SecurityGroupIngress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }],
            },
          },
        },
      }),
    ).toBe('high');
  });

  // Lightsail instances have their own firewall (`Networking.Ports[].Cidrs`), not security groups:
  // every port open to the whole internet is the same "world-open" access, unread.
  it('FAULT: a Lightsail instance with every port open to 0.0.0.0/0 is high', () => {
    expect(
      levelOf({
        Resources: {
          Box: {
            Type: 'AWS::Lightsail::Instance',
            Properties: {
              InstanceName: 'orders',
              BlueprintId: 'amazon_linux_2',
              BundleId: 'nano_3_0',
              Networking: { Ports: [{ FromPort: 0, ToPort: 65535, Protocol: 'all', Cidrs: ['0.0.0.0/0'] }] },
            },
          },
        },
      }),
    ).toBe('high');
  });

  // RDS `PubliclyAccessible` is on the public access table; Lightsail's managed database is not.
  it('FAULT: a Lightsail database with PubliclyAccessible true is high', () => {
    expect(
      levelOf({
        Resources: {
          Db: {
            Type: 'AWS::Lightsail::Database',
            Properties: {
              RelationalDatabaseName: 'orders',
              RelationalDatabaseBlueprintId: 'mysql_8_0',
              RelationalDatabaseBundleId: 'micro_2_0',
              MasterDatabaseName: 'orders',
              MasterUsername: 'admin',
              PubliclyAccessible: true,
            },
          },
        },
      }),
    ).toBe('high');
  });

  // A Lightsail bucket's `AccessRules.GetObject: public` lets anyone read every object (the S3
  // canned ACL `PublicRead` is high on AWS::S3::Bucket).
  it('FAULT: a Lightsail bucket whose objects anyone may read is high', () => {
    expect(
      levelOf({
        Resources: {
          Files: {
            Type: 'AWS::Lightsail::Bucket',
            Properties: {
              BucketName: 'orders-files',
              BundleId: 'small_1_0',
              AccessRules: { GetObject: 'public' },
            },
          },
        },
      }),
    ).toBe('high');
  });

  // A function URL with AuthType NONE is high; an API Gateway route with AuthorizationType NONE
  // in front of an internal load balancer (through a VPC link) puts the same internal service on
  // the internet without sign-in, and reads as low.
  it('FAULT: an HTTP API route with AuthorizationType NONE to an internal service is high', () => {
    expect(
      levelOf({
        Resources: {
          Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'orders', ProtocolType: 'HTTP' } },
          Link: {
            Type: 'AWS::ApiGatewayV2::VpcLink',
            Properties: { Name: 'internal', SubnetIds: ['subnet-0a1b2c3d'] },
          },
          Admin: {
            Type: 'AWS::ApiGatewayV2::Integration',
            Properties: {
              ApiId: { Ref: 'Api' },
              IntegrationType: 'HTTP_PROXY',
              IntegrationMethod: 'ANY',
              ConnectionType: 'VPC_LINK',
              ConnectionId: { Ref: 'Link' },
              IntegrationUri:
                'arn:aws:elasticloadbalancing:ap-southeast-2:123456789012:listener/app/internal-admin/50dc6c495c0c9188/0467ef3c8400ae65',
              PayloadFormatVersion: '1.0',
            },
          },
          Route: {
            Type: 'AWS::ApiGatewayV2::Route',
            Properties: {
              ApiId: { Ref: 'Api' },
              RouteKey: 'ANY /{proxy+}',
              AuthorizationType: 'NONE',
              Target: { 'Fn::Sub': 'integrations/${Admin}' },
            },
          },
          Stage: {
            Type: 'AWS::ApiGatewayV2::Stage',
            Properties: { ApiId: { Ref: 'Api' }, StageName: '$default', AutoDeploy: true },
          },
        },
      }),
    ).toBe('high');
  });

  it('FAULT: a REST API method with AuthorizationType NONE proxying a private address is high', () => {
    expect(
      levelOf({
        Resources: {
          Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'orders' } },
          Method: {
            Type: 'AWS::ApiGateway::Method',
            Properties: {
              RestApiId: { Ref: 'Api' },
              ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
              HttpMethod: 'ANY',
              AuthorizationType: 'NONE',
              Integration: {
                Type: 'HTTP_PROXY',
                IntegrationHttpMethod: 'ANY',
                Uri: 'http://10.0.0.5/admin',
              },
            },
          },
        },
      }),
    ).toBe('high');
  });

  // OpenSearch Serverless keeps its access in JSON-string policies of its own shape (no
  // `Statement`), so the shape search for policy documents never finds them.
  it('FAULT: an OpenSearch Serverless network policy with AllowFromPublic true is high', () => {
    expect(
      levelOf({
        Resources: {
          Network: {
            Type: 'AWS::OpenSearchServerless::SecurityPolicy',
            Properties: {
              Name: 'orders-network',
              Type: 'network',
              Policy:
                '[{"Rules":[{"ResourceType":"collection","Resource":["collection/orders"]}],"AllowFromPublic":true}]',
            },
          },
        },
      }),
    ).toBe('high');
  });

  it('FAULT: an OpenSearch Serverless data access policy granting another account aoss:* is high', () => {
    expect(
      levelOf({
        Resources: {
          Access: {
            Type: 'AWS::OpenSearchServerless::AccessPolicy',
            Properties: {
              Name: 'orders-access',
              Type: 'data',
              Policy:
                '[{"Rules":[{"ResourceType":"index","Resource":["index/orders/*"],"Permission":["aoss:*"]}],"Principal":["arn:aws:iam::999999999999:root"]}]',
            },
          },
        },
      }),
    ).toBe('high');
  });

  // GameLift fleets open ports with `EC2InboundPermissions[].IpRange`, not security groups.
  it('FAULT: a GameLift fleet open to 0.0.0.0/0 on every TCP port is high', () => {
    expect(
      levelOf({
        Resources: {
          Fleet: {
            Type: 'AWS::GameLift::Fleet',
            Properties: {
              Name: 'orders',
              EC2InstanceType: 'c5.large',
              EC2InboundPermissions: [{ FromPort: 1, ToPort: 65535, IpRange: '0.0.0.0/0', Protocol: 'TCP' }],
            },
          },
        },
      }),
    ).toBe('high');
  });

  // Removing a KMS key from the template schedules its deletion (DeletionPolicy defaults to
  // Delete; AWS CloudFormation Template Reference, AWS::KMS::Key `PendingWindowInDays`): every
  // object, table and secret encrypted with it becomes unreadable — data lost like a deleted table.
  it('FAULT: a KMS key with the default Delete policy is high, like a data store', () => {
    expect(
      levelOf({ Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } } } }),
    ).toBe('high');
  });

  // Stores whose contents are the only copy, left off STATEFUL_RESOURCE_TYPES.
  const stores: [string, Record<string, unknown>][] = [
    [
      'AWS::ElastiCache::ReplicationGroup',
      {
        ReplicationGroupDescription: 'orders',
        Engine: 'redis',
        CacheNodeType: 'cache.t3.micro',
        NumCacheClusters: 1,
      },
    ],
    ['AWS::MemoryDB::Cluster', { ClusterName: 'orders', NodeType: 'db.t4g.small', ACLName: 'open-access' }],
    ['AWS::CodeCommit::Repository', { RepositoryName: 'orders' }],
  ];
  it.each(stores)(
    'FAULT: a %s (the only copy of its data) with the default Delete policy is high',
    (type, properties) => {
      expect(levelOf({ Resources: { Store: { Type: type, Properties: properties } } })).toBe('high');
    },
  );

  it.each([
    'AWS::ElastiCache::ServerlessCache',
    'AWS::QLDB::Ledger',
    'AWS::DocDBElastic::Cluster',
    'AWS::KMS::ReplicaKey',
  ])('a sibling store %s with the default Delete policy is high', (type) => {
    expect(levelOf({ Resources: { Store: { Type: type, Properties: {} } } })).toBe('high');
  });

  it('a KMS key kept on removal and replacement (Retain) is low', () => {
    expect(
      levelOf({
        Resources: {
          Key: {
            Type: 'AWS::KMS::Key',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {},
          },
        },
      }),
    ).toBe('low');
  });

  it('a REST API OPTIONS method answered by a MOCK integration (CORS preflight) is low', () => {
    expect(
      levelOnceReviewed({
        Resources: {
          Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } },
          Method: {
            Type: 'AWS::ApiGateway::Method',
            Properties: {
              RestApiId: { Ref: 'Api' },
              ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
              HttpMethod: 'OPTIONS',
              AuthorizationType: 'NONE',
              Integration: { Type: 'MOCK' },
            },
          },
        },
      }),
    ).toBe('low');
  });

  it('an HTTP API route with IAM authorization and one left out (default NONE) differ', () => {
    const route = (properties: Record<string, unknown>) => ({
      Resources: {
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'HTTP' } },
        Route: {
          Type: 'AWS::ApiGatewayV2::Route',
          Properties: { ApiId: { Ref: 'Api' }, RouteKey: 'GET /', ...properties },
        },
      },
    });
    expect(levelOf(route({ AuthorizationType: 'AWS_IAM' }))).toBe('low');
    expect(levelOf(route({}))).toBe('high');
  });

  it('a Lightsail bucket whose objects are private (and kept on removal) is low', () => {
    expect(
      levelOnceReviewed({
        Resources: {
          Files: {
            Type: 'AWS::Lightsail::Bucket',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              BucketName: 'orders-files',
              BundleId: 'small_1_0',
              AccessRules: { GetObject: 'private' },
            },
          },
        },
      }),
    ).toBe('low');
  });

  const lightsail = (networking: unknown) => ({
    Resources: {
      Box: {
        Type: 'AWS::Lightsail::Instance',
        Properties: {
          InstanceName: 'orders',
          BlueprintId: 'amazon_linux_2',
          BundleId: 'nano_3_0',
          ...(networking === undefined ? {} : { Networking: networking }),
        },
      },
    },
  });

  it('a Lightsail instance with no ports given gets the default firewall (SSH and HTTP from anywhere): high', () => {
    expect(levelOf(lightsail(undefined))).toBe('high');
  });

  it('a Lightsail instance with HTTPS open only to one office range is low', () => {
    expect(
      levelOnceReviewed(
        lightsail({ Ports: [{ FromPort: 443, ToPort: 443, Protocol: 'tcp', Cidrs: ['203.0.113.0/24'] }] }),
      ),
    ).toBe('low');
  });

  it('a Lightsail port with no source list is open to everyone: high', () => {
    expect(levelOf(lightsail({ Ports: [{ FromPort: 443, ToPort: 443, Protocol: 'tcp' }] }))).toBe('high');
  });

  it('a GameLift fleet open to one range only is low, one open to ::/0-like IPv4 halves is high', () => {
    const fleet = (ranges: string[]) => ({
      Resources: {
        Fleet: {
          Type: 'AWS::GameLift::Fleet',
          Properties: {
            Name: 'orders',
            EC2InstanceType: 'c5.large',
            EC2InboundPermissions: ranges.map((IpRange) => ({
              FromPort: 7777,
              ToPort: 7777,
              IpRange,
              Protocol: 'UDP',
            })),
          },
        },
      },
    });
    expect(levelOnceReviewed(fleet(['203.0.113.0/24']))).toBe('low');
    expect(levelOnceReviewed(fleet(['0.0.0.0/1', '128.0.0.0/1']))).toBe('high');
  });

  const networkPolicy = (policy: unknown) => ({
    Resources: {
      Network: {
        Type: 'AWS::OpenSearchServerless::SecurityPolicy',
        Properties: { Name: 'orders-network', Type: 'network', Policy: policy },
      },
    },
  });

  it('an OpenSearch Serverless network policy reachable only through a VPC endpoint is low', () => {
    expect(
      levelOf(
        networkPolicy(
          '[{"Rules":[{"ResourceType":"collection","Resource":["collection/orders"]}],"AllowFromPublic":false,"SourceVPCEs":["vpce-0a1b2c3d"]}]',
        ),
      ),
    ).toBe('low');
  });

  it('an OpenSearch Serverless network policy written with Fn::Sub is read; a parameter one is unresolved', () => {
    expect(
      levelOf(
        networkPolicy({
          'Fn::Sub':
            '[{"Rules":[{"ResourceType":"collection","Resource":["collection/${AWS::StackName}"]}],"AllowFromPublic":true}]',
        }),
      ),
    ).toBe('high');
    expect(
      riskOf({ Parameters: { P: { Type: 'String' } }, ...networkPolicy({ Ref: 'P' }) }).reasons.map(
        (r) => r.code,
      ),
    ).toEqual(['unresolved-value']);
  });

  it('an OpenSearch Serverless encryption policy is not a network policy', () => {
    expect(
      levelOf({
        Resources: {
          Encryption: {
            Type: 'AWS::OpenSearchServerless::SecurityPolicy',
            Properties: {
              Name: 'orders-encryption',
              Type: 'encryption',
              Policy:
                '{"Rules":[{"ResourceType":"collection","Resource":["collection/orders"]}],"AWSOwnedKey":true}',
            },
          },
        },
      }),
    ).toBe('low');
  });
});
