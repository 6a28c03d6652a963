import { PutObjectCommand, type PutObjectCommandInput, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { sha256Hex } from '../../core/stores/sha256-hex.js';

/** S3's smallest part but the last (5 MiB); above twice that, an upload goes in parts. */
const MIN_PART_BYTES = 5 * 1024 * 1024;
const DEFAULT_MULTIPART_THRESHOLD_BYTES = 16 * 1024 * 1024;

export interface PutS3ObjectParams {
  /** The whole client: multipart uploads (`@aws-sdk/lib-storage`) read its configuration. */
  readonly s3: S3Client;
  readonly bucket: string;
  readonly key: string;
  readonly body: Uint8Array;
  readonly contentType: string;
  /** Extra user metadata (ASCII); `sha256` is always added. */
  readonly metadata?: Readonly<Record<string, string>>;
  /** SSE-KMS with this key (id, alias or ARN); absent: the bucket's default encryption. */
  readonly kmsKeyId?: string;
  /** Bodies above this many bytes go up in parts (default 16 MiB). */
  readonly multipartThresholdBytes?: number;
}

/**
 * Puts one object with its content type, its sha256 in metadata (`x-amz-meta-sha256`) and SSE-KMS
 * when a key is given. A single put also sends `ChecksumSHA256`, so S3 refuses bytes damaged on
 * the way; bodies over the threshold go through `Upload` in parts of at least 5 MiB (S3's
 * minimum, https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html). Returns the hex sha256.
 */
export async function putS3Object(params: PutS3ObjectParams): Promise<string> {
  const sha256 = sha256Hex(params.body);
  const input: PutObjectCommandInput = {
    Bucket: params.bucket,
    Key: params.key,
    Body: params.body,
    ContentType: params.contentType,
    Metadata: { ...params.metadata, sha256 },
    ...(params.kmsKeyId === undefined
      ? {}
      : { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: params.kmsKeyId }),
  };
  const threshold = Math.max(
    params.multipartThresholdBytes ?? DEFAULT_MULTIPART_THRESHOLD_BYTES,
    MIN_PART_BYTES,
  );
  if (params.body.byteLength <= threshold) {
    await params.s3.send(
      new PutObjectCommand({ ...input, ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64') }),
    );
  } else {
    await new Upload({ client: params.s3, params: input, partSize: MIN_PART_BYTES, queueSize: 2 }).done();
  }
  return sha256;
}
