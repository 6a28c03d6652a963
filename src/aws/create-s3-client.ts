import { S3Client } from '@aws-sdk/client-s3';

/** The one place S3 clients are made; credentials and endpoint come from the environment (`AWS_ENDPOINT_URL_S3` for a stand-in). */
export function createS3Client(region: string): S3Client {
  return new S3Client({ region, customUserAgent: 'implementation-agent' });
}
