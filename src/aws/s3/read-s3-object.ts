import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface S3ObjectRead {
  readonly body: Uint8Array;
  readonly contentType?: string;
  readonly metadata: Readonly<Record<string, string>>;
}

/** The object's bytes, content type and user metadata; `undefined` when there is no such key. */
export async function readS3Object(params: {
  s3: Pick<S3Client, 'send'>;
  bucket: string;
  key: string;
}): Promise<S3ObjectRead | undefined> {
  try {
    const answer = await params.s3.send(new GetObjectCommand({ Bucket: params.bucket, Key: params.key }));
    const body = answer.Body === undefined ? new Uint8Array() : await answer.Body.transformToByteArray();
    return {
      body,
      ...(answer.ContentType === undefined ? {} : { contentType: answer.ContentType }),
      metadata: answer.Metadata ?? {},
    };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return (
    error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound' || status === 404)
  );
}
