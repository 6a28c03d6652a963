/**
 * Review 10h (attack on issue #10): the S3 artifact and deployment layout as a reader of the bucket
 * meets it, through the real SDK commands (aws-sdk-client-mock answers them).
 *
 * Tried and held (asserted here as guards):
 * - a body above the multipart threshold goes up through `@aws-sdk/lib-storage` in parts, and the
 *   multipart upload carries the same content type, `sha256` metadata (of the whole body) and
 *   SSE-KMS as a single put; without a key, no SSE header at all;
 * - the `TemplateURL` a staged template gets decodes (as S3 decodes a path) to exactly the key the
 *   template was put at, for environment names with `/`, `..`, spaces, `%` and non-ASCII letters;
 * - such names never add or climb a folder: every key stays under `<owner>/<repo>/`;
 * - a second attempt's artifacts never land on the first attempt's keys.
 */
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createS3ArtifactStore } from '../../../src/aws/s3/s3-artifact-store.js';
import { createS3DeploymentStore } from '../../../src/aws/s3/s3-deployment-store.js';
import { sha256Hex } from '../../../src/core/stores/sha256-hex.js';

const s3Mock = mockClient(S3Client);
const s3 = new S3Client({ region: 'ap-southeast-2' });
beforeEach(() => {
  s3Mock.reset();
  s3Mock.on(PutObjectCommand).resolves({});
  s3Mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'upload-1' });
  s3Mock.on(UploadPartCommand).resolves({ ETag: '"part"' });
  s3Mock.on(CompleteMultipartUploadCommand).resolves({});
});

describe('review10h: S3 layout and metadata', () => {
  it('held: a large artifact goes up in parts with its content type, whole-body sha256 and SSE-KMS', async () => {
    const body = Buffer.alloc(6 * 1024 * 1024 + 17, 'a');
    const store = createS3ArtifactStore({
      s3,
      bucket: 'artifacts',
      kmsKeyId: 'arn:aws:kms:ap-southeast-2:111122223333:key/abc',
      multipartThresholdBytes: 5 * 1024 * 1024,
    });
    const stored = await store.put({
      repo: 'acme/shop',
      taskId: 'acme/shop#7',
      attempt: 1,
      path: 'model-calls/1/answer.json',
      body,
    });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(s3Mock.commandCalls(UploadPartCommand).length).toBeGreaterThanOrEqual(2);
    expect(s3Mock.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'artifacts',
      Key: 'acme/shop/7/1/model-calls/1/answer.json',
      ContentType: 'application/json',
      Metadata: { sha256: sha256Hex(body) },
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:ap-southeast-2:111122223333:key/abc',
    });
    expect(stored).toMatchObject({ sha256: sha256Hex(body), bytes: body.byteLength });
  });

  it('held: without a key the multipart upload sends no SSE header', async () => {
    const store = createS3ArtifactStore({ s3, bucket: 'artifacts', multipartThresholdBytes: 1 });
    await store.put({
      repo: 'acme/shop',
      taskId: 'acme/shop#7',
      attempt: 2,
      path: 'prompt.json',
      body: Buffer.alloc(5 * 1024 * 1024 + 1, 'b'),
    });
    const input = s3Mock.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input;
    expect(input?.ServerSideEncryption).toBeUndefined();
    expect(input?.SSEKMSKeyId).toBeUndefined();
    expect(input?.Key).toBe('acme/shop/7/2/prompt.json');
  });

  it.each(['prod/eu', '..', 'staging %41', 'ünïcode prod', '../../other/repo', '.'])(
    'held: the TemplateURL of environment %j decodes to the key the template was put at, under the repository',
    async (environment) => {
      const store = createS3DeploymentStore({ s3, bucket: 'deploy.bucket.example', kmsKeyId: 'alias/agent' });
      const url = await store.stageTemplate!({
        repository: 'Acme/Shop',
        environment,
        deploymentId: 501,
        template: '{"Resources":{}}',
      });
      const put = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
      const key = put?.Key ?? '';
      expect(key.startsWith('acme/shop/')).toBe(true);
      expect(key.split('/')).toHaveLength(5);
      expect(key.split('/').every((part) => part !== '..' && part !== '.' && part !== '')).toBe(true);
      const parsed = new URL(url);
      expect(parsed.host).toBe('s3.ap-southeast-2.amazonaws.com');
      const [, bucket, ...rest] = parsed.pathname.split('/');
      expect(bucket).toBe('deploy.bucket.example');
      expect(rest.map(decodeURIComponent).join('/')).toBe(key);
      expect(put).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'alias/agent' });
    },
  );

  it('held: attempts 1 and 2 of one task never share a key', async () => {
    const store = createS3ArtifactStore({ s3, bucket: 'artifacts' });
    const first = await store.put({
      repo: 'acme/shop',
      taskId: 'acme/shop#7',
      attempt: 1,
      path: 'answer.json',
      body: '1',
    });
    const second = await store.put({
      repo: 'acme/shop',
      taskId: 'acme/shop#7',
      attempt: 2,
      path: 'answer.json',
      body: '2',
    });
    expect(first.key).not.toBe(second.key);
  });
});
