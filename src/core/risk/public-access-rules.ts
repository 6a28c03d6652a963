import { isPlainObject } from '../cfn/is-plain-object.js';

/**
 * One setting that puts a resource within reach of the internet (or of every AWS account),
 * outside security groups and policies, which are judged on their own.
 */
export interface PublicAccessRule {
  readonly type: string;
  /** Property path below `Properties`. */
  readonly path: readonly string[];
  /** Values (compared case-insensitively) that make it public. */
  readonly publicValues: readonly string[];
  /** Whether leaving the property out makes it public (AWS's default), given the properties. */
  readonly publicWhenAbsent: (properties: Record<string, unknown>) => boolean;
  /** What a public value does, as a verb phrase after "will" (plain text). */
  readonly means: string;
  /** Properties under which even a public value exposes nothing (a mock integration); default none. */
  readonly harmless?: (properties: Record<string, unknown>) => boolean;
}

const never = () => false;
const always = () => true;

/**
 * Sources, AWS CloudFormation Template Reference for each type: RDS `PubliclyAccessible` ("the
 * default behavior value depends on your VPC setup and the database subnet group": public when
 * the VPC has an internet gateway; on a DB cluster it applies to Multi-AZ DB clusters, those with
 * `DBClusterInstanceClass`), DMS `PubliclyAccessible` ("the default value is true"), Redshift
 * `PubliclyAccessible` (default false), ELB `Scheme` (default `internet-facing`; gateway load
 * balancers have none), Cognito identity pools' `AllowUnauthenticatedIdentities` (anyone gets the
 * unauthenticated role's credentials), S3 canned ACLs (Amazon S3 User Guide, "Canned ACL":
 * `PublicRead`, `PublicReadWrite` for everyone, `AuthenticatedRead` for every AWS account), S3
 * Block Public Access settings turned off (Amazon S3 User Guide, "Blocking public access"), MSK
 * public access (`SERVICE_PROVIDED_EIPS`), Amazon MQ `PubliclyAccessible`, OpenSearch
 * `AnonymousAuthEnabled`, App Runner `IsPubliclyAccessible` (default true), Lightsail databases'
 * `PubliclyAccessible` and buckets' `AccessRules.GetObject: public` (anyone may read every object),
 * and API Gateway methods and routes whose `AuthorizationType` is `NONE` (the default for both):
 * anyone on the internet may call them. A REST method whose integration is a `MOCK` reaches no
 * backend (CORS preflight `OPTIONS` methods) and is left out; nothing else is, failing closed.
 */
export const PUBLIC_ACCESS_RULES: readonly PublicAccessRule[] = [
  {
    type: 'AWS::RDS::DBInstance',
    path: ['PubliclyAccessible'],
    publicValues: ['true'],
    publicWhenAbsent: always,
    means: 'give the database an address reachable from the internet',
  },
  {
    type: 'AWS::RDS::DBCluster',
    path: ['PubliclyAccessible'],
    publicValues: ['true'],
    publicWhenAbsent: (properties) => properties['DBClusterInstanceClass'] !== undefined,
    means: 'give the database an address reachable from the internet',
  },
  ...['AWS::Redshift::Cluster', 'AWS::RedshiftServerless::Workgroup'].map((type) => ({
    type,
    path: ['PubliclyAccessible'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: 'give the warehouse an address reachable from the internet',
  })),
  {
    type: 'AWS::DMS::ReplicationInstance',
    path: ['PubliclyAccessible'],
    publicValues: ['true'],
    publicWhenAbsent: always,
    means: 'give the replication instance a public IP address',
  },
  {
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    path: ['Scheme'],
    publicValues: ['internet-facing'],
    publicWhenAbsent: (properties) => properties['Type'] !== 'gateway',
    means: 'make it a load balancer facing the internet',
  },
  {
    type: 'AWS::ElasticLoadBalancing::LoadBalancer',
    path: ['Scheme'],
    publicValues: ['internet-facing'],
    publicWhenAbsent: always,
    means: 'make it a load balancer facing the internet',
  },
  {
    type: 'AWS::Cognito::IdentityPool',
    path: ['AllowUnauthenticatedIdentities'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: 'hand AWS credentials to anyone, signed in or not',
  },
  {
    type: 'AWS::S3::Bucket',
    path: ['AccessControl'],
    publicValues: ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'],
    publicWhenAbsent: never,
    means: 'grant access to everyone or to every AWS account through its ACL',
  },
  ...['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].map((setting) => ({
    type: 'AWS::S3::Bucket',
    path: ['PublicAccessBlockConfiguration', setting],
    publicValues: ['false'],
    publicWhenAbsent: never,
    means: `turn off S3 Block Public Access (${setting}), so ACLs or policies may make the bucket public`,
  })),
  {
    type: 'AWS::MQ::Broker',
    path: ['PubliclyAccessible'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: 'give the broker an address reachable from the internet',
  },
  {
    type: 'AWS::OpenSearchService::Domain',
    path: ['AdvancedSecurityOptions', 'AnonymousAuthEnabled'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: 'let anyone who reaches the domain use it without signing in',
  },
  {
    type: 'AWS::AppRunner::Service',
    path: ['NetworkConfiguration', 'IngressConfiguration', 'IsPubliclyAccessible'],
    publicValues: ['true'],
    publicWhenAbsent: always,
    means: 'give the service a URL reachable from the internet',
  },
  {
    type: 'AWS::MSK::Cluster',
    path: ['BrokerNodeGroupInfo', 'ConnectivityInfo', 'PublicAccess', 'Type'],
    publicValues: ['SERVICE_PROVIDED_EIPS'],
    publicWhenAbsent: never,
    means: 'give the brokers public IP addresses',
  },
  {
    type: 'AWS::Lightsail::Database',
    path: ['PubliclyAccessible'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: 'give the database an address reachable from the internet',
  },
  {
    type: 'AWS::Lightsail::Bucket',
    path: ['AccessRules', 'GetObject'],
    publicValues: ['public'],
    publicWhenAbsent: never,
    means: 'let anyone on the internet read every object',
  },
  {
    type: 'AWS::ApiGateway::Method',
    path: ['AuthorizationType'],
    publicValues: ['NONE'],
    publicWhenAbsent: always,
    means: 'let anyone on the internet call the method without signing in',
    harmless: (properties) =>
      isPlainObject(properties['Integration']) && properties['Integration']['Type'] === 'MOCK',
  },
  {
    type: 'AWS::ApiGatewayV2::Route',
    path: ['AuthorizationType'],
    publicValues: ['NONE'],
    publicWhenAbsent: always,
    means: 'let anyone on the internet call the route without signing in',
  },
];
