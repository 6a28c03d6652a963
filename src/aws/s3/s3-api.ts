import type { S3Client } from '@aws-sdk/client-s3';

/** The one S3 method the deploy code calls; tests hand in a real client mocked with aws-sdk-client-mock. */
export type S3Api = Pick<S3Client, 'send'>;
