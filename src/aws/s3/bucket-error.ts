import { describeAwsError } from '../cloudformation/describe-aws-error.js';

/** A bucket store's failure, said once: what it was doing, where, AWS's message and a fix when known. */
export function bucketError(params: { action: string; bucket: string; key: string; error: unknown }): Error {
  const { action, bucket, key, error } = params;
  const { name, message, advice } = describeAwsError(error);
  const fix =
    name === 'NoSuchBucket'
      ? 'Create the bucket (infrastructure/) or correct its name under mirrors in .github/implementation-agent.yml.'
      : advice;
  return new Error(
    `Could not ${action} s3://${bucket}/${key}: ${name}: ${message}${fix === undefined ? '' : ` ${fix}`}`,
    {
      cause: error,
    },
  );
}
