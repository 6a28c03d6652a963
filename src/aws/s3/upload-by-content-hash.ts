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
}

/**
 * Puts bytes at `<keyPrefix><sha256>.zip`, skipping the upload when that key already exists: the key
 * names the content, so an existing object is this content (as `aws cloudformation package` does by
 * hash). The sha256 is also kept in the object's metadata for audits. Throws with AWS's advice on
 * failure (e.g. AccessDenied naming the bucket).
 */
export async function uploadByContentHash(params: {
  s3: S3Api;
  bucket: string;
  keyPrefix: string;
  body: Uint8Array;
}): Promise<UploadedObject> {
  const sha256 = createHash('sha256').update(params.body).digest('hex');
  const key = `${params.keyPrefix}${sha256}.zip`;
  try {
    if (await exists(params.s3, params.bucket, key))
      return { bucket: params.bucket, key, sha256, uploaded: false };
    await params.s3.send(
      new PutObjectCommand({
        Bucket: params.bucket,
        Key: key,
        Body: params.body,
        ContentType: 'application/zip',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        Metadata: { sha256 },
      }),
    );
    return { bucket: params.bucket, key, sha256, uploaded: true };
  } catch (error) {
    const described = describeAwsError(error);
    const advice = described.advice === undefined ? '' : ` ${described.advice}`;
    throw new Error(
      `Uploading the code to s3://${params.bucket}/${key} failed: ${described.name}: ${described.message}.${advice}`,
      {
        cause: error,
      },
    );
  }
}

async function exists(s3: S3Api, bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error instanceof Error && error.name === 'NotFound')) return false;
    throw error;
  }
}
