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

/** Words that send what happens to where they point (`sends a message to`, `triggers`, `into`). */
const TOWARD = new Set(['to', 'into', 'trigger', 'triggers', 'invoke', 'invokes', 'via', 'through']);
/** Words between a `to` and the resource it names (`to an SQS queue`, `to our Kinesis stream`). */
const DETERMINERS = new Set(['a', 'an', 'the', 'our', 'my', 'their', 'its', 'one', 'new', 'existing']);
/** Words that end the name after `to` (`to the bucket from the DynamoDB table` names the bucket). */
const NAME_ENDS = new Set([
  'from',
  'of',
  'for',
  'with',
  'in',
  'on',
  'at',
  'by',
  'when',
  'after',
  'and',
  'or',
]);
/** The most words a resource's name spans after its determiners (`Step Functions state machine`). */
const NAME_WORDS = 4;

/**
 * True when the words send something to another resource (`Each new object under incoming/ sends a
 * message to an SQS queue.`, `uploads trigger a Lambda function`): the ask is that delivery, which
 * needs the resource, whatever of the foundation (the object) the words also name.
 */
function deliversToOther(words: readonly string[]): boolean {
  return words.some((word, at) => {
    if (!TOWARD.has(word)) return false;
    let next = at + 1;
    while (DETERMINERS.has(words[next] ?? '')) next += 1;
    const window = words.slice(next, next + NAME_WORDS);
    const end = window.findIndex((one) => FOUNDATION_WORDS.has(one) || NAME_ENDS.has(one));
    return otherResourcesNamed(end === -1 ? window : window.slice(0, end)).length > 0;
  });
}

/**
 * True when a text is about another resource only: nothing it asks binds to the bucket or the topic,
 * or what it asks is a delivery to that resource (deliversToOther).
 */
export function aboutOtherResourceOnly(words: readonly string[]): boolean {
  return otherResourcesNamed(words).length > 0 && (!namesFoundation(words) || deliversToOther(words));
}
