import { describeAwsError } from '../cloudformation/describe-aws-error.js';

/**
 * A bucket store's failure, said once: what it was doing, where, AWS's message and a fix when known
 * (a refused read may be a missing key seen without `s3:ListBucket`).
 */
export function bucketError(params: { action: string; bucket: string; key: string; error: unknown }): Error {
  const { action, bucket, key, error } = params;
  const { name, message, advice } = describeAwsError(error);
  const fix =
    name === 'NoSuchBucket'
      ? 'Create the bucket (infrastructure/) or correct its name under mirrors in .github/implementation-agent.yml.'
      : name === 'AccessDenied' && action.startsWith('read')
        ? `${advice ?? ''} Without s3:ListBucket on the bucket, S3 also answers 403 AccessDenied for a key that is not there (S3 API Reference, GetObject, "Permissions"): grant it on arn:aws:s3:::${bucket} (infrastructure/deploy-role.yaml does, with DeploymentsBucketName).`.trim()
        : advice;
  return new Error(
    `Could not ${action} s3://${bucket}/${key}: ${name}: ${message}${fix === undefined ? '' : ` ${fix}`}`,
    {
      cause: error,
    },
  );
}
