import { AWS_RESOURCE_NAMES, awsKindLabel, awsServicesNamed } from '../../naming/aws-resource-names.js';

/**
 * Resources the foundation does not generate, as a request names them: any AWS service by its
 * CloudFormation namespace or product name (`ElastiCache`, `Redis`, `a Kinesis stream`, `a Step
 * Functions workflow`), and the few resource nouns that name one alone (`a queue`, `a database`).
 * A text about one of them (`the dead-letter queue keeps them for 14 days`, `encrypt both queues`)
 * asks something of that resource, never of the bucket: its retention is not the bucket's Object
 * Lock, its encryption is not met by the bucket's key.
 */

/**
 * Services the foundation itself is made of, or whose name a request about it uses: S3, KMS and SNS
 * are generated; CloudWatch alarms publish to the topic; CloudFormation is the stack; IAM is the key
 * policy. CloudTrail and Config deliver logs to the bucket, which the log-delivery capability answers.
 */
const FOUNDATION_SERVICES = new Set([
  'S3',
  'KMS',
  'SNS',
  'CloudWatch',
  'CloudFormation',
  'IAM',
  'CloudTrail',
  'Config',
  'ElasticLoadBalancing',
  'ElasticLoadBalancingV2',
]);
/** Nouns that name a resource of another service with no service named (`a database`). */
const RESOURCE_NOUNS: readonly (readonly [string, string])[] = [
  ['database', 'database'],
  ['databases', 'database'],
  ['cache', 'cache'],
  ['caches', 'cache'],
  ['table', 'table'],
  ['tables', 'table'],
];
const OTHER_AWS_NAMES = AWS_RESOURCE_NAMES.filter((name) => !FOUNDATION_SERVICES.has(name.namespace));

/** Every word set that names another resource, for a capability's `when`. */
export const OTHER_RESOURCE_WORDS: readonly (readonly string[])[] = [
  ...OTHER_AWS_NAMES.map((name) => name.words),
  ...RESOURCE_NOUNS.map(([noun]) => [noun]),
];

/** Words naming what the foundation holds: a text naming one is (also) about the bucket or the topic. */
const FOUNDATION_WORDS = new Set([
  'bucket',
  'buckets',
  's3',
  'object',
  'objects',
  'file',
  'files',
  'prefix',
  'prefixes',
  'upload',
  'uploads',
  'multipart',
  'version',
  'versions',
  'noncurrent',
  'topic',
  'sns',
]);

/** The kinds of resource (`SQS queue`, `AWS::Glue resource`) these words name that the foundation does not generate. */
export function otherResourcesNamed(words: readonly string[]): string[] {
  const services = awsServicesNamed(words, OTHER_AWS_NAMES).map(awsKindLabel);
  const nouns = RESOURCE_NOUNS.filter(([noun]) => words.includes(noun)).map(([, kind]) => kind);
  // `a DynamoDB table` is one resource: a noun counts only when no service is named.
  return [...new Set(services.length > 0 ? services : nouns)];
}

/** True when the words name what the foundation holds (a bucket, its objects, the topic). */
export function namesFoundation(words: readonly string[]): boolean {
  return words.some((word) => FOUNDATION_WORDS.has(word));
}

/** True when a text is about another resource only: nothing it asks binds to the bucket or the topic. */
export function aboutOtherResourceOnly(words: readonly string[]): boolean {
  return otherResourcesNamed(words).length > 0 && !namesFoundation(words);
}
