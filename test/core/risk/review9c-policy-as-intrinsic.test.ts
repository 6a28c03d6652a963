import { riskOf } from './risk-of.js';

// Review #9c: `findPolicyDocuments` finds a policy document by shape — an object with `Statement`,
// or a string under a `…Policy…` property holding `"Statement"`. A document written as one JSON
// string inside `Fn::Sub` (the common way to put `${Bucket}` in it) or built with `Fn::Join` is
// neither: the string sits under the `Fn::Sub` / `Fn::Join` key, not a policy property, so a
// bucket policy giving everyone (`Principal: "*"`) read access is not seen and the template is low.
// CloudFormation accepts a JSON string for these `Json`-typed properties (Template Reference,
// AWS::S3::BucketPolicy `PolicyDocument`: Type Json), and resolves the intrinsic first.

const PUBLIC_READ =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::${Bucket}/*"}]}';

const bucketPolicy = (document: unknown) => ({
  Resources: {
    Policy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: { Bucket: 'orders-files', PolicyDocument: document },
    },
  },
});

describe('review #9c attacks: policy documents written as intrinsic strings', () => {
  it('control: the same document as an object is high', () => {
    expect(riskOf(bucketPolicy(JSON.parse(PUBLIC_READ.replace('${Bucket}', 'orders-files')))).level).toBe(
      'high',
    );
  });

  it('control: the same document as a plain JSON string is high', () => {
    expect(riskOf(bucketPolicy(PUBLIC_READ.replace('${Bucket}', 'orders-files'))).level).toBe('high');
  });

  it.failing('FAULT: a bucket policy for everyone written as one Fn::Sub string is high', () => {
    expect(riskOf(bucketPolicy({ 'Fn::Sub': PUBLIC_READ })).level).toBe('high');
  });

  it.failing('FAULT: a bucket policy for everyone written as Fn::Sub with variables is high', () => {
    expect(riskOf(bucketPolicy({ 'Fn::Sub': [PUBLIC_READ, { Bucket: 'orders-files' }] })).level).toBe('high');
  });

  it.failing('FAULT: a queue policy for everyone built with Fn::Join is high', () => {
    expect(
      riskOf({
        Resources: {
          Policy: {
            Type: 'AWS::SQS::QueuePolicy',
            Properties: {
              Queues: ['https://sqs.ap-southeast-2.amazonaws.com/123456789012/orders'],
              PolicyDocument: {
                'Fn::Join': [
                  '',
                  ['{"Statement":[{"Effect":"Allow","Principal":"*",', '"Action":"sqs:*","Resource":"*"}]}'],
                ],
              },
            },
          },
        },
      }).level,
    ).toBe('high');
  });
});
