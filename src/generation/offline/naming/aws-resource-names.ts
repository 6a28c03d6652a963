import { AWS_SERVICE_NAMESPACES } from './aws-service-namespaces.js';

/** A way a request names an AWS service or resource: its words in a row, and the kind it names. */
export interface AwsResourceName {
  /** Lowercase words, in order (`['step', 'functions']`). */
  readonly words: readonly string[];
  /** The CloudFormation service namespace it belongs to (`StepFunctions`). */
  readonly namespace: string;
  /** Counts only after `aws` or `amazon` (`AWS Glue`), since alone it is an ordinary word (`glue`). */
  readonly needsVendor: boolean;
}

/**
 * Namespaces that are ordinary English words, or say more often what something does than which
 * service it is (`events`, `backup`, `config`, `logs`): they name the service only after `AWS` or
 * `Amazon`.
 */
const ORDINARY_WORD_NAMESPACES = new Set([
  'Amplify',
  'Backup',
  'Bedrock',
  'Batch',
  'Billing',
  'Budgets',
  'Cases',
  'Chatbot',
  'Comprehend',
  'Config',
  'Connect',
  'Deadline',
  'Detective',
  'Events',
  'Evidently',
  'Forecast',
  'Glue',
  'Inspector',
  'Interconnect',
  'Invoicing',
  'Location',
  'Logs',
  'Notifications',
  'Organizations',
  'Panorama',
  'Personalize',
  'Pinpoint',
  'Pipes',
  'Proton',
  'Scheduler',
  'Shield',
  'Signer',
  'Transfer',
  'Wisdom',
  'Cloud9',
  'CE',
  'CDK',
  'CUR',
  'FIS',
  'FMS',
  'M2',
  'MPA',
  'ODB',
  'PCS',
  'RAM',
  'RUM',
  'SDB',
  'UXC',
  'EVS',
  'Oam',
]);

/** Product and resource names people write for a service whose namespace says it otherwise. */
const PRODUCT_NAMES: readonly (readonly [string, string])[] = [
  ['redis', 'ElastiCache'],
  ['memcached', 'ElastiCache'],
  ['valkey', 'ElastiCache'],
  ['aurora', 'RDS'],
  ['postgres', 'RDS'],
  ['postgresql', 'RDS'],
  ['mysql', 'RDS'],
  ['mariadb', 'RDS'],
  ['state machine', 'StepFunctions'],
  ['eventbridge', 'Events'],
  ['event bus', 'Events'],
  ['fargate', 'ECS'],
  ['kafka', 'MSK'],
  ['opensearch', 'OpenSearchService'],
  ['elasticsearch', 'OpenSearchService'],
  ['dlq', 'SQS'],
  ['dead letter queue', 'SQS'],
  ['queue', 'SQS'],
  ['queues', 'SQS'],
  ['firehose', 'KinesisFirehose'],
  ['route 53', 'Route53'],
  ['parameter store', 'SSM'],
  ['systems manager', 'SSM'],
  ['cloud map', 'ServiceDiscovery'],
  ['app runner', 'AppRunner'],
  ['x ray', 'XRay'],
  // The network an endpoint or a function sits in is EC2's (AWS::EC2::SecurityGroup, Subnet, VPCEndpoint).
  ['security group', 'EC2'],
  ['security groups', 'EC2'],
  ['subnet', 'EC2'],
  ['subnets', 'EC2'],
  ['vpc endpoint', 'EC2'],
  ['vpc endpoints', 'EC2'],
  ['interface endpoint', 'EC2'],
  ['interface endpoints', 'EC2'],
  ['nat gateway', 'EC2'],
  ['internet gateway', 'EC2'],
];

/** `StepFunctions` → `step functions`, `ElastiCache` → `elasticache`, `ApiGatewayV2` → `api gateway`. */
function spokenWords(namespace: string): string[][] {
  const base = namespace.replace(/V\d+$/, '');
  const split = base
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');
  const joined = [base.toLowerCase()];
  // A split that would cut a product name in two (`Elasti Cache`, `Dynamo DB`) is only written joined.
  const readable = split.every((word) => word.length > 2) && split.length > 1;
  return readable ? [joined, split] : [joined];
}

/**
 * Every way of naming an AWS service this knows: each CloudFormation service namespace as written
 * (`ElastiCache`, `Kinesis`, `StepFunctions` and `Step Functions`) and the product names people use
 * for them (`Redis`, `Aurora`, `state machine`, `queue`).
 */
export const AWS_RESOURCE_NAMES: readonly AwsResourceName[] = [
  ...AWS_SERVICE_NAMESPACES.flatMap((namespace) =>
    spokenWords(namespace).map((words) => ({
      words,
      namespace,
      needsVendor: ORDINARY_WORD_NAMESPACES.has(namespace),
    })),
  ),
  ...PRODUCT_NAMES.map(([phrase, namespace]) => ({
    words: phrase.split(' '),
    namespace,
    needsVendor: false,
  })),
];

/** The namespaces of the AWS services these words name, each once, in the order of the names list. */
export function awsServicesNamed(words: readonly string[], names = AWS_RESOURCE_NAMES): string[] {
  const found = names.filter((name) =>
    words.some(
      (_, index) =>
        name.words.every((word, offset) => words[index + offset] === word) &&
        (!name.needsVendor || ['aws', 'amazon'].includes(words[index - 1] ?? '')),
    ),
  );
  return [...new Set(found.map((name) => name.namespace))];
}

/** How a kind reads in a reason, for the services people ask for most; others read `AWS::<Service> resource`. */
const KIND_LABELS: Readonly<Record<string, string>> = {
  SQS: 'SQS queue',
  DynamoDB: 'DynamoDB table',
  RDS: 'RDS database',
  Lambda: 'Lambda function',
  ElastiCache: 'ElastiCache cache',
  Kinesis: 'Kinesis stream',
  KinesisFirehose: 'Firehose delivery stream',
  StepFunctions: 'Step Functions state machine',
  Events: 'EventBridge bus or rule',
};

/** `SQS` → `SQS queue`, `EFS` → `AWS::EFS resource`: the kind of resource a namespace names, as a reason says it. */
export function awsKindLabel(namespace: string): string {
  return KIND_LABELS[namespace] ?? `AWS::${namespace} resource`;
}
