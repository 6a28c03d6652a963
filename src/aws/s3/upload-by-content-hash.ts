import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describeAwsError } from '../cloudformation/describe-aws-error.js';
import type { S3Api } from './s3-api.js';

export interface UploadedObject {
  readonly bucket: string;
  readonly key: string;
  readonly sha256: string;
  /** False when an object with this content was already there (same hash, same key). */
  readonly uploaded: boolean;
  /**
   * Set when S3 refused to say whether the key exists (HEAD answered 403): the upload went ahead,
   * and this says which permission to add so the next deploy need not upload again.
   */
  readonly warning?: string;
}

/**
 * Puts bytes at `<keyPrefix><sha256><extension>` (`.zip` unless told), skipping the upload when that key already exists: the key
 * names the content, so an existing object is this content (as `aws cloudformation package` does by
 * hash). The sha256 is also kept in the object's metadata for audits. Without `s3:ListBucket` on the
 * bucket S3 answers HEAD of a missing key with 403, not 404 (S3 API Reference, HeadObject,
 * "Permissions"), so a 403 says nothing about the key: the bytes are uploaded anyway (writing the
 * same content again changes nothing) and `warning` names the missing permission. Throws with AWS's
 * advice on failure (e.g. AccessDenied naming the bucket), saying when HEAD was refused too.
 */
export async function uploadByContentHash(params: {
  s3: S3Api;
  bucket: string;
  keyPrefix: string;
  body: Uint8Array;
  /** What follows the hash in the key, and the object's content type: `.zip`, `application/zip` by default. */
  extension?: string;
  contentType?: string;
  /** SSE-KMS with this key (id, alias or ARN); absent: the bucket's default encryption. */
  kmsKeyId?: string;
  /** What is uploaded, for the error: `the code` by default. */
  what?: string;
}): Promise<UploadedObject> {
  const sha256 = createHash('sha256').update(params.body).digest('hex');
  const key = `${params.keyPrefix}${sha256}${params.extension ?? '.zip'}`;
  let found: Presence = 'missing';
  try {
    found = await presence(params.s3, params.bucket, key);
    if (found === 'present') return { bucket: params.bucket, key, sha256, uploaded: false };
    await params.s3.send(
      new PutObjectCommand({
        Bucket: params.bucket,
        Key: key,
        Body: params.body,
        ContentType: params.contentType ?? 'application/zip',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        Metadata: { sha256 },
        ...(params.kmsKeyId === undefined
          ? {}
          : { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: params.kmsKeyId }),
      }),
    );
    return {
      bucket: params.bucket,
      key,
      sha256,
      uploaded: true,
      ...(found === 'unknown' ? { warning: listBucketAdvice(params.bucket) } : {}),
    };
  } catch (error) {
    const described = describeAwsError(error);
    const advice = described.advice === undefined ? '' : ` ${described.advice}`;
    const head = found === 'unknown' ? ` ${listBucketAdvice(params.bucket)}` : '';
    throw new Error(
      `Uploading ${params.what ?? 'the code'} to s3://${params.bucket}/${key} failed: ${described.name}: ${described.message}.${advice}${head}`,
      {
        cause: error,
      },
    );
  }
}

type Presence = 'present' | 'missing' | 'unknown';

function listBucketAdvice(bucket: string): string {
  return `S3 refused to say whether the code was already uploaded (HEAD answered 403 Forbidden): the role lacks s3:ListBucket on arn:aws:s3:::${bucket}, without which S3 answers 403 rather than 404 for a key that is not there, so every deploy uploads the code again. Grant it (infrastructure/deploy-role.yaml does, with CodeBucketName).`;
}

/** Whether the key exists: HEAD's 404 says missing; its 403 says nothing (`unknown`). */
async function presence(s3: S3Api, bucket: string, key: string): Promise<Presence> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return 'present';
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error instanceof Error && error.name === 'NotFound')) return 'missing';
    if (status === 403) return 'unknown';
    throw error;
  }
}
