import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { AWS_USER_AGENT, createAwsClient } from '../../src/aws/create-aws-client.js';
import { createDocumentClient } from '../../src/aws/dynamodb/create-dynamodb-client.js';

describe('createAwsClient, the one factory', () => {
  it('sets region, user agent and the standard retry mode with three attempts on every client', async () => {
    const client = createAwsClient(CloudFormationClient, { region: 'ap-southeast-2' });
    expect(await client.config.region()).toBe('ap-southeast-2');
    expect(client.config.customUserAgent).toEqual([[AWS_USER_AGENT]]);
    expect(await client.config.maxAttempts()).toBe(3);
    expect(client.config.retryMode).toBe('standard');
  });

  it('takes an endpoint, fixed credentials, fewer attempts and a service setting for a stand-in', async () => {
    const client = createAwsClient(
      S3Client,
      {
        region: 'us-east-1',
        endpoint: 'http://127.0.0.1:4566',
        credentials: { accessKeyId: 'moto', secretAccessKey: 'moto' },
        maxAttempts: 1,
      },
      { forcePathStyle: true },
    );
    const endpoint = await client.config.endpoint?.();
    expect(endpoint).toMatchObject({ hostname: '127.0.0.1', port: 4566, protocol: 'http:' });
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'moto' });
    expect(await client.config.maxAttempts()).toBe(1);
    expect(client.config.forcePathStyle).toBe(true);
  });

  it('builds the DynamoDB document client over a client from the same factory', async () => {
    const documents = createDocumentClient({ region: 'eu-west-1' });
    expect(await documents.config.region()).toBe('eu-west-1');
    expect(documents.config.customUserAgent).toEqual([[AWS_USER_AGENT]]);
  });
});
