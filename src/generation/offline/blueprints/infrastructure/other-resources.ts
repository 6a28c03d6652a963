/**
 * Resources the foundation does not generate, as a request names them. A text about one of them
 * (`the dead-letter queue keeps them for 14 days`, `encrypt both queues`) asks something of that
 * resource, never of the bucket: its retention is not the bucket's Object Lock, its encryption is
 * not met by the bucket's key.
 */
const OTHER_RESOURCES: readonly (readonly [readonly string[], string])[] = [
  [['queue', 'queues', 'sqs', 'dlq', 'redrive', 'message', 'messages'], 'SQS queue'],
  [['table', 'tables', 'dynamodb'], 'DynamoDB table'],
  [['database', 'databases', 'rds', 'aurora', 'postgres', 'mysql'], 'database'],
  [['lambda', 'function', 'functions'], 'Lambda function'],
  [['stream', 'streams', 'kinesis', 'firehose'], 'stream'],
  [['cache', 'redis', 'elasticache'], 'cache'],
  [['cluster', 'ecs', 'eks', 'ec2', 'instance', 'instances', 'container', 'containers'], 'compute'],
];

/** Every word that names another resource, for a capability's `when`. */
export const OTHER_RESOURCE_WORDS: readonly string[] = OTHER_RESOURCES.flatMap(([names]) => names);

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

/** The kinds of resource (`SQS queue`) these words name that the foundation does not generate. */
export function otherResourcesNamed(words: readonly string[]): string[] {
  return OTHER_RESOURCES.filter(([names]) => names.some((name) => words.includes(name))).map(
    ([, kind]) => kind,
  );
}

/** True when the words name what the foundation holds (a bucket, its objects, the topic). */
export function namesFoundation(words: readonly string[]): boolean {
  return words.some((word) => FOUNDATION_WORDS.has(word));
}

/** True when a text is about another resource only: nothing it asks binds to the bucket or the topic. */
export function aboutOtherResourceOnly(words: readonly string[]): boolean {
  return otherResourcesNamed(words).length > 0 && !namesFoundation(words);
}
