import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createS3ArtifactStore } from '../../../src/aws/s3/s3-artifact-store.js';
import { createS3DeploymentStore } from '../../../src/aws/s3/s3-deployment-store.js';
import { sha256Hex } from '../../../src/core/stores/sha256-hex.js';
import { storedDeployment } from '../../support/store-contracts/deployment-store-contract.js';

const s3Mock = mockClient(S3Client);
const s3 = new S3Client({ region: 'ap-southeast-2' });
beforeEach(() => s3Mock.reset());
const ref = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1, path: 'plan.md' };

describe('S3 stores: what they send and what AWS answers', () => {
  it('puts an artifact with its content type, sha256 (metadata and checksum) and SSE-KMS', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    const store = createS3ArtifactStore({ s3, bucket: 'artifacts', kmsKeyId: 'alias/agent' });
    await store.put({ ...ref, body: '# Plan' });
    const sha256 = sha256Hex('# Plan');
    expect(s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'artifacts',
      Key: 'acme/shop/7/1/plan.md',
      ContentType: 'text/markdown; charset=utf-8',
      Metadata: { sha256 },
      ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'alias/agent',
    });
  });

  it('leaves encryption to the bucket when no key is configured', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    await createS3ArtifactStore({ s3, bucket: 'artifacts' }).put({ ...ref, body: 'x' });
    const input = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input?.ServerSideEncryption).toBeUndefined();
    expect(input?.SSEKMSKeyId).toBeUndefined();
  });

  it('says which bucket is missing and how to fix it', async () => {
    s3Mock.on(PutObjectCommand).rejects(
      new S3ServiceException({
        name: 'NoSuchBucket',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
        message: 'The specified bucket does not exist',
      }),
    );
    await expect(
      createS3ArtifactStore({ s3, bucket: 'artifacts' }).put({ ...ref, body: 'x' }),
    ).rejects.toThrow(
      /Could not store the artifact at s3:\/\/artifacts\/acme\/shop\/7\/1\/plan.md: NoSuchBucket: .*Create the bucket/,
    );
  });

  it('answers undefined for a missing key, and for bytes that no longer match their sha256', async () => {
    s3Mock
      .on(GetObjectCommand)
      .rejects(new NoSuchKey({ message: 'missing', $metadata: { httpStatusCode: 404 } }));
    const store = createS3ArtifactStore({ s3, bucket: 'artifacts' });
    expect(await store.get(ref)).toBeUndefined();

    s3Mock.on(GetObjectCommand).resolves({
      Body: { transformToByteArray: async () => new TextEncoder().encode('altered') } as never,
      Metadata: { sha256: sha256Hex('original') },
    });
    expect(await store.get(ref)).toBeUndefined();
  });

  it('writes a deployment’s record last, after the template, parameters and outputs it names', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    const deployment = storedDeployment();
    await createS3DeploymentStore({ s3, bucket: 'deployments' }).save(deployment);
    const keys = s3Mock
      .commandCalls(PutObjectCommand)
      .map((call) => [call.args[0].input.Key, call.args[0].input.ContentType]);
    const prefix = `acme/shop/staging/${deployment.deploymentId}/`;
    expect(keys).toEqual([
      [`${prefix}template.json`, 'application/yaml'],
      [`${prefix}parameters.json`, 'application/json'],
      [`${prefix}outputs.json`, 'application/json'],
      [`${prefix}record.json`, 'application/json'],
    ]);
  });

  it('reading a deployment S3 refuses (403) says a missing key looks like that without s3:ListBucket', async () => {
    s3Mock.on(GetObjectCommand).rejects(
      new S3ServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: 'Access Denied',
      }),
    );
    await expect(
      createS3DeploymentStore({ s3, bucket: 'deployments' }).load({
        repository: 'acme/shop',
        environment: 'staging',
        deploymentId: 501,
      }),
    ).rejects.toThrow(
      /Could not read the deployment at s3:\/\/deployments\/.*s3:ListBucket on the bucket.*grant it on arn:aws:s3:::deployments /,
    );
  });
});
