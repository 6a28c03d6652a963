import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { uploadByContentHash } from '../../../src/aws/s3/upload-by-content-hash.js';

const s3Mock = mockClient(S3Client);
const BODY = new TextEncoder().encode('zip bytes');
const SHA256 = createHash('sha256').update(BODY).digest('hex');

function notFound(): S3ServiceException {
  return new S3ServiceException({
    name: 'NotFound',
    $fault: 'client',
    $metadata: { httpStatusCode: 404 },
    message: 'Not Found',
  });
}

function forbidden(message = 'Forbidden'): S3ServiceException {
  return new S3ServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    $metadata: { httpStatusCode: 403 },
    message,
  });
}

beforeEach(() => s3Mock.reset());

describe('uploadByContentHash', () => {
  it('puts the bytes under their sha256, with the hash as checksum and metadata, when the key is new', async () => {
    s3Mock.on(HeadObjectCommand).rejects(notFound());
    s3Mock.on(PutObjectCommand).resolves({});
    const result = await uploadByContentHash({
      s3: new S3Client({ region: 'ap-southeast-2' }),
      bucket: 'code',
      keyPrefix: 'acme/shop/code/svc/',
      body: BODY,
    });
    expect(result).toEqual({
      bucket: 'code',
      key: `acme/shop/code/svc/${SHA256}.zip`,
      sha256: SHA256,
      uploaded: true,
    });
    expect(s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'code',
      Key: `acme/shop/code/svc/${SHA256}.zip`,
      ContentType: 'application/zip',
      ChecksumSHA256: Buffer.from(SHA256, 'hex').toString('base64'),
      Metadata: { sha256: SHA256 },
    });
  });

  it('uploads nothing when an object with this content is already there', async () => {
    s3Mock.on(HeadObjectCommand).resolves({ ContentLength: BODY.length });
    const result = await uploadByContentHash({
      s3: new S3Client({ region: 'ap-southeast-2' }),
      bucket: 'code',
      keyPrefix: 'p/',
      body: BODY,
    });
    expect(result.uploaded).toBe(false);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('explains a refused upload, naming the object and the missing permission', async () => {
    s3Mock.on(HeadObjectCommand).rejects(notFound());
    s3Mock.on(PutObjectCommand).rejects(
      new S3ServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: 'User is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::code/p/x',
      }),
    );
    await expect(
      uploadByContentHash({
        s3: new S3Client({ region: 'ap-southeast-2' }),
        bucket: 'code',
        keyPrefix: 'p/',
        body: BODY,
      }),
    ).rejects.toThrow(
      /s3:\/\/code\/p\/[0-9a-f]{64}\.zip failed: AccessDenied: .*missing permission for `s3:PutObject`/,
    );
  });

  // S3 API Reference, HeadObject: without s3:ListBucket a key that is not there answers 403, not 404.
  it('uploads anyway when HEAD answers 403 (no s3:ListBucket), and says which permission to add', async () => {
    s3Mock.on(HeadObjectCommand).rejects(forbidden());
    s3Mock.on(PutObjectCommand).resolves({});
    const result = await uploadByContentHash({
      s3: new S3Client({ region: 'ap-southeast-2' }),
      bucket: 'code',
      keyPrefix: 'p/',
      body: BODY,
    });
    expect(result).toMatchObject({ uploaded: true, key: `p/${SHA256}.zip` });
    expect(result.warning).toMatch(/lacks s3:ListBucket on arn:aws:s3:::code/);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(1);
  });

  it('when HEAD and the upload are both refused, says both', async () => {
    s3Mock.on(HeadObjectCommand).rejects(forbidden());
    s3Mock
      .on(PutObjectCommand)
      .rejects(
        forbidden('User is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::code/p/x'),
      );
    await expect(
      uploadByContentHash({
        s3: new S3Client({ region: 'ap-southeast-2' }),
        bucket: 'code',
        keyPrefix: 'p/',
        body: BODY,
      }),
    ).rejects.toThrow(/missing permission for `s3:PutObject`.*lacks s3:ListBucket on arn:aws:s3:::code/s);
  });

  it('does not take any other HEAD failure for a missing key', async () => {
    s3Mock.on(HeadObjectCommand).rejects(
      new S3ServiceException({
        name: 'InternalError',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
        message: 'We encountered an internal error.',
      }),
    );
    await expect(
      uploadByContentHash({
        s3: new S3Client({ region: 'ap-southeast-2' }),
        bucket: 'code',
        keyPrefix: 'p/',
        body: BODY,
      }),
    ).rejects.toThrow(/failed: InternalError/);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });
});
