import { isPlainObject } from '../cfn/is-plain-object.js';
import type { TemplateValueContext } from './read-template-value.js';

/**
 * One setting that puts a resource within reach of the internet (or of every AWS account),
 * outside security groups and policies, which are judged on their own.
 */
export interface PublicAccessRule {
  readonly type: string;
  /** Property path below `Properties`; `[]` stands for each item of a list. */
  readonly path: readonly string[];
  /** Values (compared case-insensitively) that make it public; `any` when setting it at all does. */
  readonly publicValues: readonly string[] | 'any';
  /** Whether leaving the property out makes it public (AWS's default), given the properties and the template. */
  readonly publicWhenAbsent: (properties: Record<string, unknown>, context: TemplateValueContext) => boolean;
  /** What a public value does, as a verb phrase after "will" (plain text). */
  readonly means: string;
  /** Properties under which even a public value exposes nothing (a mock integration); default none. */
  readonly harmless?: (properties: Record<string, unknown>) => boolean;
}

const never = () => false;

/**
 * Every IPv6 address AWS gives is a global unicast address, reachable from the internet once its
 * subnet routes `::/0` to an internet gateway (Amazon VPC User Guide, "IP addressing for your VPCs
 * and subnets"); the route may be in another template, so giving one counts as public.
 */
const IPV6_MEANS =
  'give instances IPv6 addresses, which the internet reaches when the subnet routes ::/0 to an internet gateway';
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
 * More: SAM `Api`/`HttpApi` without `Auth.DefaultAuthorizer` (SAM adds none by default), REST and
 * HTTP APIs imported from an OpenAPI `Body`/`BodyS3Location` (their authorization is not read
 * here), an HTTP API made by quick create (`Target`: a `$default` route without authorization),
 * AppSync APIs authorized by API key, EKS clusters' `EndpointPublicAccess` (default true), public
 * IP addresses (an instance's or launch template's `AssociatePublicIpAddress`, a subnet's
 * `MapPublicIpOnLaunch`, IPv6 addresses (a subnet's `AssignIpv6AddressOnCreation`, an instance's,
 * interface's or launch template interface's `Ipv6AddressCount`/`Ipv6Addresses`: `IPV6_MEANS`),
 * an Elastic IP given an instance, ECS `AssignPublicIp`, and an instance
 * with neither subnet nor interfaces, which lands in the default VPC, whose default subnets map
 * public IPs; Amazon VPC User Guide, "Default VPCs"), S3 access points with Block Public Access
 * off, Transfer Family servers (`EndpointType` default `PUBLIC`) and Image Builder distributions
 * launchable by `all`, and CodeBuild projects with `Visibility: PUBLIC_READ`.
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
  ...['Api', 'HttpApi'].map((kind) => ({
    type: `AWS::Serverless::${kind}`,
    path: ['Auth', 'DefaultAuthorizer'],
    publicValues: [],
    // SAM copies `Globals.<kind>` into each resource of the kind: a default authorizer set there holds.
    publicWhenAbsent: (_properties: Record<string, unknown>, context: TemplateValueContext) =>
      !hasGlobalDefaultAuthorizer(context.globals, kind),
    means: 'let anyone on the internet call every route that names no authorizer of its own',
  })),
  ...['Body', 'BodyS3Location'].flatMap((body) =>
    ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api'].map((type) => ({
      type,
      path: [body],
      publicValues: 'any' as const,
      publicWhenAbsent: never,
      means:
        'define its routes in an OpenAPI document whose authorization is not judged here; treated as callable by anyone',
    })),
  ),
  ...['Api', 'HttpApi'].map((kind) => ({
    type: `AWS::Serverless::${kind}`,
    path: ['DefinitionBody'],
    publicValues: 'any' as const,
    publicWhenAbsent: never,
    means:
      'define its routes in an OpenAPI document whose authorization is not judged here; treated as callable by anyone',
  })),
  {
    type: 'AWS::ApiGatewayV2::Api',
    path: ['Target'],
    publicValues: 'any',
    publicWhenAbsent: never,
    means: 'make a default route that anyone on the internet may call without signing in (quick create)',
  },
  {
    type: 'AWS::AppSync::GraphQLApi',
    path: ['AuthenticationType'],
    publicValues: ['API_KEY'],
    publicWhenAbsent: never,
    means: 'let anyone holding the API key, which is handed to clients, call the API',
  },
  {
    type: 'AWS::AppSync::GraphQLApi',
    path: ['AdditionalAuthenticationProviders', '[]', 'AuthenticationType'],
    publicValues: ['API_KEY'],
    publicWhenAbsent: never,
    means: 'let anyone holding the API key, which is handed to clients, call the API',
  },
  {
    type: 'AWS::EKS::Cluster',
    path: ['ResourcesVpcConfig', 'EndpointPublicAccess'],
    publicValues: ['true'],
    publicWhenAbsent: always,
    means: "put the cluster's Kubernetes API endpoint on the internet",
  },
  {
    type: 'AWS::EC2::Instance',
    path: ['NetworkInterfaces', '[]', 'AssociatePublicIpAddress'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: 'give the instance a public IP address',
  },
  {
    type: 'AWS::EC2::Instance',
    path: ['SubnetId'],
    publicValues: [],
    publicWhenAbsent: (properties) => properties['NetworkInterfaces'] === undefined,
    means: 'launch it in the default VPC, whose subnets give every instance a public IP address',
  },
  {
    type: 'AWS::EC2::LaunchTemplate',
    path: ['LaunchTemplateData', 'NetworkInterfaces', '[]', 'AssociatePublicIpAddress'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: 'give every instance launched from it a public IP address',
  },
  {
    type: 'AWS::AutoScaling::LaunchConfiguration',
    path: ['AssociatePublicIpAddress'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: 'give every instance launched from it a public IP address',
  },
  {
    type: 'AWS::EC2::Subnet',
    path: ['MapPublicIpOnLaunch'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: 'give every instance launched in the subnet a public IP address',
  },
  {
    type: 'AWS::EC2::Subnet',
    path: ['AssignIpv6AddressOnCreation'],
    publicValues: ['true'],
    publicWhenAbsent: never,
    means: IPV6_MEANS,
  },
  ...(
    [
      ['AWS::EC2::Instance', []],
      ['AWS::EC2::Instance', ['NetworkInterfaces', '[]']],
      ['AWS::EC2::LaunchTemplate', ['LaunchTemplateData', 'NetworkInterfaces', '[]']],
    ] as const
  ).flatMap(([type, at]) =>
    ['Ipv6AddressCount', 'Ipv6Addresses'].map((name) => ({
      type,
      path: [...at, name],
      publicValues: 'any' as const,
      publicWhenAbsent: never,
      means: IPV6_MEANS,
    })),
  ),
  {
    type: 'AWS::EC2::EIP',
    path: ['InstanceId'],
    publicValues: 'any',
    publicWhenAbsent: never,
    means: 'give the instance a public Elastic IP address',
  },
  ...['AWS::ECS::Service', 'AWS::ECS::TaskSet'].map((type) => ({
    type,
    path: ['NetworkConfiguration', 'AwsvpcConfiguration', 'AssignPublicIp'],
    publicValues: ['ENABLED'],
    publicWhenAbsent: never,
    means: 'give every task a public IP address',
  })),
  {
    type: 'AWS::Events::Rule',
    path: ['Targets', '[]', 'EcsParameters', 'NetworkConfiguration', 'AwsVpcConfiguration', 'AssignPublicIp'],
    publicValues: ['ENABLED'],
    publicWhenAbsent: never,
    means: 'give every task it runs a public IP address',
  },
  ...['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].map((setting) => ({
    type: 'AWS::S3::AccessPoint',
    path: ['PublicAccessBlockConfiguration', setting],
    publicValues: ['false'],
    publicWhenAbsent: never,
    means: `turn off S3 Block Public Access (${setting}) on the access point, so its policy may make it public`,
  })),
  {
    type: 'AWS::Transfer::Server',
    path: ['EndpointType'],
    publicValues: ['PUBLIC'],
    publicWhenAbsent: always,
    means: 'give the file transfer server an endpoint on the internet',
  },
  {
    type: 'AWS::ImageBuilder::DistributionConfiguration',
    path: [
      'Distributions',
      '[]',
      'AmiDistributionConfiguration',
      'LaunchPermissionConfiguration',
      'UserGroups',
    ],
    publicValues: ['all'],
    publicWhenAbsent: never,
    means: 'make the machine images public: any AWS account may launch them',
  },
  {
    type: 'AWS::CodeBuild::Project',
    path: ['Visibility'],
    publicValues: ['PUBLIC_READ'],
    publicWhenAbsent: never,
    means: "let anyone on the internet see the project's builds, their logs and artifacts",
  },
  {
    type: 'AWS::ApiGatewayV2::Route',
    path: ['AuthorizationType'],
    publicValues: ['NONE'],
    publicWhenAbsent: always,
    means: 'let anyone on the internet call the route without signing in',
  },
];

function hasGlobalDefaultAuthorizer(globals: unknown, kind: string): boolean {
  const section = isPlainObject(globals) ? globals[kind] : undefined;
  const auth = isPlainObject(section) ? section['Auth'] : undefined;
  return isPlainObject(auth) && auth['DefaultAuthorizer'] !== undefined;
}
