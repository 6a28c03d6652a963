import { reasonsOf, riskOf } from './risk-of.js';

const UNREVIEWED = ['unseen-effect Resources.It'];
const kept = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const db = (properties: object) => ({
  Type: 'AWS::RDS::DBInstance',
  ...kept,
  Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', ...properties },
});
const withCondition = (resources: object) => ({
  Parameters: { Open: { Type: 'String', AllowedValues: ['yes', 'no'] }, Flag: { Type: 'String' } },
  Conditions: { IsOpen: { 'Fn::Equals': [{ Ref: 'Open' }, 'yes'] } },
  Resources: resources,
});

describe('resources reachable from the internet outside security groups and policies', () => {
  it.each([
    [
      'an RDS instance with PubliclyAccessible true',
      db({ PubliclyAccessible: true }),
      'public-access',
      'PubliclyAccessible',
    ],
    [
      'an RDS instance public on one branch of Fn::If',
      db({ PubliclyAccessible: { 'Fn::If': ['IsOpen', true, false] } }),
      'public-access',
      'PubliclyAccessible',
    ],
    [
      'an RDS instance without PubliclyAccessible (public by default in a VPC with an internet gateway)',
      db({}),
      'public-access',
      'PubliclyAccessible',
    ],
    [
      'an RDS instance whose PubliclyAccessible is a parameter',
      db({ PubliclyAccessible: { Ref: 'Flag' } }),
      'unresolved-value',
      'PubliclyAccessible',
    ],
    [
      'a Multi-AZ RDS cluster with PubliclyAccessible true',
      {
        Type: 'AWS::RDS::DBCluster',
        Properties: {
          Engine: 'postgres',
          DBClusterInstanceClass: 'db.m6gd.large',
          PubliclyAccessible: 'true',
        },
      },
      'public-access',
      'PubliclyAccessible',
    ],
    [
      'a Multi-AZ RDS cluster without PubliclyAccessible',
      {
        Type: 'AWS::RDS::DBCluster',
        Properties: { Engine: 'mysql', DBClusterInstanceClass: 'db.m6gd.large' },
      },
      'public-access',
      'PubliclyAccessible',
    ],
    [
      'an S3 bucket with AccessControl PublicRead',
      { Type: 'AWS::S3::Bucket', ...kept, Properties: { AccessControl: 'PublicRead' } },
      'public-access',
      'AccessControl',
    ],
    [
      'an S3 bucket with AccessControl AuthenticatedRead (every AWS account)',
      { Type: 'AWS::S3::Bucket', ...kept, Properties: { AccessControl: 'AuthenticatedRead' } },
      'public-access',
      'AccessControl',
    ],
    [
      'an S3 bucket that turns off BlockPublicPolicy',
      {
        Type: 'AWS::S3::Bucket',
        ...kept,
        Properties: { PublicAccessBlockConfiguration: { BlockPublicPolicy: false } },
      },
      'public-access',
      'PublicAccessBlockConfiguration.BlockPublicPolicy',
    ],
    [
      'a Redshift cluster with PubliclyAccessible true',
      { Type: 'AWS::Redshift::Cluster', ...kept, Properties: { PubliclyAccessible: true } },
      'public-access',
      'PubliclyAccessible',
    ],
    [
      'a DMS replication instance left public by default',
      { Type: 'AWS::DMS::ReplicationInstance', Properties: { ReplicationInstanceClass: 'dms.t3.micro' } },
      'public-access',
      'PubliclyAccessible',
    ],
    [
      'an application load balancer internet-facing by default',
      {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: { Subnets: ['subnet-1', 'subnet-2'] },
      },
      'public-access',
      'Scheme',
    ],
    [
      'a Cognito identity pool for unauthenticated users',
      { Type: 'AWS::Cognito::IdentityPool', Properties: { AllowUnauthenticatedIdentities: true } },
      'public-access',
      'AllowUnauthenticatedIdentities',
    ],
  ])('%s is high', (_name, resource, code, property) => {
    expect(reasonsOf(withCondition({ It: resource }))).toEqual([
      `${code} Resources.It.Properties.${property}`,
    ]);
  });

  // RDS instances and load balancers are on the reviewed list (REVIEWED_RESOURCE_TYPES); Aurora
  // clusters are not: a person reviews them whatever they set, but no public-access rule fires.
  it.each([
    ['an RDS instance with PubliclyAccessible false', db({ PubliclyAccessible: false }), []],
    [
      'an Aurora cluster (its instances say whether they are public)',
      { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql' } },
      UNREVIEWED,
    ],
    [
      'a private bucket with Block Public Access on',
      {
        Type: 'AWS::S3::Bucket',
        ...kept,
        Properties: {
          AccessControl: 'Private',
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
        },
      },
      [],
    ],
    [
      'an internal load balancer',
      { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal' } },
      [],
    ],
    [
      'a gateway load balancer',
      { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'gateway' } },
      [],
    ],
  ])('%s opens nothing (low unless its type is not on the reviewed list)', (_name, resource, expected) => {
    expect(reasonsOf(withCondition({ It: resource }))).toEqual(expected);
  });

  it('says what the setting does', () => {
    expect(riskOf({ Resources: { Db: db({ PubliclyAccessible: true }) } }).reasons[0]?.message).toBe(
      'Db (AWS::RDS::DBInstance) sets PubliclyAccessible to true: this will give the database an address reachable from the internet.',
    );
  });

  it('a public bucket policy (Principal "*") on a bucket is high as a policy', () => {
    expect(
      reasonsOf({
        Resources: {
          Site: { Type: 'AWS::S3::Bucket', ...kept },
          Policy: {
            Type: 'AWS::S3::BucketPolicy',
            Properties: {
              Bucket: { Ref: 'Site' },
              PolicyDocument: {
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: '*',
                    Action: 's3:GetObject',
                    Resource: { 'Fn::Sub': '${Site.Arn}/*' },
                  },
                ],
              },
            },
          },
        },
      }),
    ).toEqual([
      'resource-policy Resources.Policy.Properties.PolicyDocument',
      'wildcard-principal Resources.Policy.Properties.PolicyDocument.Statement[0].Principal',
    ]);
  });

  it('a public ECR repository is public by what it is', () => {
    expect(reasonsOf({ Resources: { Repo: { Type: 'AWS::ECR::PublicRepository' } } })).toEqual([
      'public-access Resources.Repo',
    ]);
  });
});

describe('more ways to reach a resource from outside', () => {
  it.each([
    [
      'an Amazon MQ broker',
      { Type: 'AWS::MQ::Broker', Properties: { PubliclyAccessible: true } },
      'public-access Resources.It.Properties.PubliclyAccessible',
    ],
    [
      'an OpenSearch domain with anonymous access',
      {
        Type: 'AWS::OpenSearchService::Domain',
        ...kept,
        Properties: { AdvancedSecurityOptions: { Enabled: true, AnonymousAuthEnabled: true } },
      },
      'public-access Resources.It.Properties.AdvancedSecurityOptions.AnonymousAuthEnabled',
    ],
    [
      'an App Runner service public by default',
      { Type: 'AWS::AppRunner::Service', Properties: { SourceConfiguration: {} } },
      'public-access Resources.It.Properties.NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible',
    ],
    [
      'a RAM resource share (other accounts)',
      { Type: 'AWS::RAM::ResourceShare', Properties: { Name: 's', Principals: ['111122223333'] } },
      'resource-policy Resources.It',
    ],
    [
      'endpoint service permissions for anyone',
      {
        Type: 'AWS::EC2::VPCEndpointServicePermissions',
        Properties: { ServiceId: 'vpce-svc-1', AllowedPrincipals: ['*'] },
      },
      'resource-policy Resources.It',
    ],
  ])('%s is high', (_name, resource, reason) => {
    expect(reasonsOf({ Resources: { It: resource } })).toEqual([reason]);
  });
});

describe('access granted outside AWS::IAM', () => {
  it.each([
    [
      'an Identity Center assignment',
      { Type: 'AWS::SSO::Assignment', Properties: { PermissionSetArn: 'arn:aws:sso:::permissionSet/x' } },
    ],
    [
      'an Organizations policy (SCP)',
      { Type: 'AWS::Organizations::Policy', Properties: { Type: 'SERVICE_CONTROL_POLICY' } },
    ],
    [
      'a SAM connector (SAM writes IAM policies)',
      { Type: 'AWS::Serverless::Connector', Properties: { Permissions: ['Write'] } },
    ],
    ['a Lake Formation grant', { Type: 'AWS::LakeFormation::PrincipalPermissions', Properties: {} }],
  ])('%s is iam-resource', (_name, resource) => {
    expect(reasonsOf({ Resources: { It: resource } })).toEqual(['iam-resource Resources.It']);
  });

  it('a SAM simple table with the default DeletionPolicy keeps data under Delete', () => {
    expect(reasonsOf({ Resources: { It: { Type: 'AWS::Serverless::SimpleTable' } } })).toEqual([
      'stateful-delete-policy Resources.It.DeletionPolicy',
      'stateful-delete-policy Resources.It.UpdateReplacePolicy',
    ]);
  });
});
